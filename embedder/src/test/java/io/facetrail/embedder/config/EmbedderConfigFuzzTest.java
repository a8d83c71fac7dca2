package io.facetrail.embedder.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary text as the embedder's configuration, read the way {@code facetrail embedder --config
 * FILE --set KEY=VALUE} reads it ({@link ConfigLoader} with the YAML file and the overrides): a
 * configuration, or {@link InvalidConfigurationException} listing the problems; never another
 * exception, from loading or from printing it ({@code --print-config}).
 *
 * <p>An input is the file's text, then optionally a NUL character and {@code KEY=VALUE} override
 * lines. Seeds: {@code EmbedderConfigFuzzTestInputs}.
 */
class EmbedderConfigFuzzTest {
  private static final ConfigLoader<EmbedderConfig> LOADER = EmbedderConfig.loader();
  private static Path dir;
  private static Path file;

  @BeforeAll
  static void createFile() throws IOException {
    dir = Files.createTempDirectory("embedder-config-fuzz");
    file = dir.resolve("embedder.yaml");
  }

  @AfterAll
  static void deleteFile() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  @Timeout(10)
  @FuzzTest
  void loadsOrListsProblems(byte[] input) throws IOException {
    String text = new String(input, StandardCharsets.UTF_8);
    int nul = text.indexOf('\0');
    Files.writeString(file, nul < 0 ? text : text.substring(0, nul), StandardCharsets.UTF_8);
    Map<String, String> overrides = nul < 0 ? Map.of() : overrides(text.substring(nul + 1));
    try {
      EmbedderConfig config = LOADER.load(file, Map.of(), overrides);
      assertThat(config).isNotNull();
      assertThat(LOADER.effectiveYaml(file, Map.of(), overrides)).isNotBlank();
    } catch (InvalidConfigurationException e) {
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
    }
  }

  /** Override lines as picocli splits {@code --set KEY=VALUE}: at the first '='. */
  private static Map<String, String> overrides(String lines) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String line : lines.split("\n", -1)) {
      int eq = line.indexOf('=');
      if (eq >= 0) {
        overrides.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return overrides;
  }
}
