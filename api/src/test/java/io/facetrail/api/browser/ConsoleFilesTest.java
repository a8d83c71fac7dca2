package io.facetrail.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's files as the build ships them, read without a browser: what the strict
 * Content-Security-Policy would refuse (inline scripts and styles, event-handler attributes,
 * resources from elsewhere), what would put data into the page as markup, where the CSRF token must
 * never go, and whether every module imports names another module really exports (a typo there
 * fails only when the browser loads the page).
 */
class ConsoleFilesTest {
  private static final Pattern IMPORT =
      Pattern.compile("import\\s+(?:\\{([^}]*)\\}|\\*\\s+as\\s+\\w+)\\s+from\\s+'([^']+)'");
  private static final Pattern EXPORT =
      Pattern.compile("export\\s+(?:async\\s+)?(?:function|class|const|let)\\s+(\\w+)");

  private static Map<String, String> files;

  @BeforeAll
  static void read() throws IOException, URISyntaxException {
    Path dir =
        Path.of(ConsoleFilesTest.class.getResource("/io/facetrail/api/console/index.html").toURI())
            .getParent();
    files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.toList()) {
        files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void thePageLoadsOnlyItsOwnScriptAndStylesheet() {
    String html = files.get("index.html");
    assertThat(html)
        .contains("<script type=\"module\" src=\"app.js\"></script>")
        .contains("<link rel=\"stylesheet\" href=\"style.css\">")
        .doesNotContainPattern("(?i)<style")
        .doesNotContainPattern("(?i)\\sstyle=")
        .doesNotContainPattern("(?i)<script(?![^>]*\\ssrc=)")
        .doesNotContainPattern("(?i)\\son[a-z]+=")
        .doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    assertThat(files.get("style.css")).doesNotContain("@import").doesNotContainPattern("url\\(");
  }

  @Test
  void noScriptPutsTextIntoThePageAsMarkupOrKeepsTheTokenInStorage() {
    scripts()
        .forEach(
            (name, js) ->
                assertThat(js)
                    .as(name)
                    .doesNotContain(
                        "innerHTML",
                        "outerHTML",
                        "insertAdjacentHTML",
                        "document.write",
                        "eval(",
                        "new Function",
                        "localStorage",
                        "sessionStorage",
                        "document.cookie"));
  }

  @Test
  void everyImportedNameIsExportedByItsModule() {
    List<String> problems = new ArrayList<>();
    int imports = 0;
    for (Map.Entry<String, String> script : scripts().entrySet()) {
      Matcher m = IMPORT.matcher(script.getValue());
      while (m.find()) {
        imports++;
        String target = m.group(2).replaceFirst("^\\./", "");
        String module = files.get(target);
        if (module == null) {
          problems.add(script.getKey() + " imports the missing " + m.group(2));
          continue;
        }
        List<String> exported = exports(module);
        List<String> wanted =
            m.group(1) == null
                ? List.of("mount") // a section module, mounted by app.js
                : Stream.of(m.group(1).split(",")).map(String::strip).toList();
        for (String name : wanted) {
          if (!exported.contains(name)) {
            problems.add(script.getKey() + " imports " + name + ", which " + target + " lacks");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(imports).as("imports found").isGreaterThan(20);
  }

  private static Map<String, String> scripts() {
    Map<String, String> js = new TreeMap<>();
    files.forEach(
        (name, text) -> {
          if (name.endsWith(".js")) {
            js.put(name, text);
          }
        });
    assertThat(js).containsKey("app.js");
    return js;
  }

  private static List<String> exports(String module) {
    List<String> names = new ArrayList<>();
    Matcher m = EXPORT.matcher(module);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
