package io.facetrail.deploy.docker;

import io.facetrail.deploy.RepositoryFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile parsed the way BuildKit reads it: comments and parser directives dropped, backslash
 * continuations joined, instructions grouped into stages. Settings a stage inherits from the stage
 * it is built {@code FROM} (user, health check, entry point, command, environment) are resolved
 * along that chain.
 */
public final class Dockerfile {
  private static final Pattern FROM =
      Pattern.compile("(?i)(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");

  /** One {@code KEY=value} of an {@code ENV} instruction; a value may be double-quoted. */
  private static final Pattern VARIABLE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(?:\"([^\"]*)\"|(\\S*))");

  private final Path file;
  private final List<Stage> stages;

  private Dockerfile(Path file, List<Stage> stages) {
    this.file = file;
    this.stages = List.copyOf(stages);
  }

  public static Dockerfile parse(Path file) {
    List<Instruction> instructions = instructions(RepositoryFiles.read(file));
    List<Stage> stages = new ArrayList<>();
    String base = null;
    String name = "";
    List<Instruction> body = new ArrayList<>();
    for (Instruction i : instructions) {
      if (i.keyword().equals("FROM")) {
        if (base != null) {
          stages.add(new Stage(base, name, body));
        }
        Matcher m = FROM.matcher(i.arguments());
        if (!m.matches()) {
          throw new IllegalArgumentException(file + ":" + i.line() + ": bad FROM " + i.arguments());
        }
        base = m.group(1);
        name = m.group(2) == null ? "" : m.group(2);
        body = new ArrayList<>();
      } else if (base == null) {
        if (!i.keyword().equals("ARG")) {
          throw new IllegalArgumentException(file + ":" + i.line() + ": instruction before FROM");
        }
      } else {
        body.add(i);
      }
    }
    if (base != null) {
      stages.add(new Stage(base, name, body));
    }
    return new Dockerfile(file, stages);
  }

  static List<Instruction> instructions(String text) {
    List<Instruction> out = new ArrayList<>();
    StringBuilder current = null;
    int start = 0;
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.startsWith("#") || (current == null && line.isEmpty())) {
        continue; // comments (and parser directives) may sit inside continued instructions too
      }
      boolean continues = line.endsWith("\\");
      String part = continues ? line.substring(0, line.length() - 1).strip() : line;
      if (current == null) {
        current = new StringBuilder(part);
        start = n + 1;
      } else {
        current.append(' ').append(part);
      }
      if (!continues) {
        String joined = current.toString().strip();
        int space = joined.indexOf(' ');
        String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : joined.substring(space + 1).strip();
        out.add(new Instruction(keyword, args, start));
        current = null;
      }
    }
    if (current != null) {
      throw new IllegalArgumentException("the last instruction ends with a line continuation");
    }
    return out;
  }

  public Path file() {
    return file;
  }

  public List<Stage> stages() {
    return stages;
  }

  public List<String> stageNames() {
    return stages.stream().map(Stage::name).filter(s -> !s.isEmpty()).toList();
  }

  public Optional<Stage> stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Whether {@code base} names an earlier stage rather than an image. */
  public boolean isStage(String base) {
    return stageNames().contains(base);
  }

  /** The stages from the image-based root down to {@code stage} (inheritance order). */
  public List<Stage> chain(Stage stage) {
    List<Stage> chain = new ArrayList<>();
    for (Stage s = stage; s != null; s = isStage(s.base()) ? stage(s.base()).orElseThrow() : null) {
      chain.add(0, s);
    }
    return chain;
  }

  /** The last {@code keyword} instruction in effect for {@code stage}, inherited ones included. */
  public Optional<Instruction> effective(Stage stage, String keyword) {
    Optional<Instruction> found = Optional.empty();
    for (Stage s : chain(stage)) {
      Optional<Instruction> here = s.last(keyword);
      if (here.isPresent()) {
        found = here;
      }
    }
    return found;
  }

  /**
   * The variables {@code ENV} sets for {@code stage} in the {@code KEY=value} form this repository
   * writes, a later value replacing an inherited one (as in the built image).
   */
  public Map<String, String> variables(Stage stage) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = VARIABLE.matcher(environment(stage));
    while (m.find()) {
      out.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
    }
    return out;
  }

  /** Every {@code ENV} instruction in effect for {@code stage}, joined (inherited ones first). */
  public String environment(Stage stage) {
    StringBuilder sb = new StringBuilder();
    for (Stage s : chain(stage)) {
      s.all("ENV").forEach(i -> sb.append(i.arguments()).append('\n'));
    }
    return sb.toString();
  }
}
