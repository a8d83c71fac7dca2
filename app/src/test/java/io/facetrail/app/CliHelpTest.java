package io.facetrail.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code --help} renders without a picocli warning (an unescaped {@code %} in a
 * description is one) or an exception.
 */
class CliHelpTest {
  @TempDir Path dir;

  @Test
  void everyCommandsHelpRendersWithoutWarnings() throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HelpRendering.class.getName())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("help rendering finished").isTrue();
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join("\n", stderr)).isZero();
    assertThat(stderr)
        .as("picocli warnings or errors while rendering --help")
        .noneMatch(line -> line.contains("picocli") || line.contains("Exception"));
    assertThat(stdout)
        .contains("== facetrail\n")
        .contains("== facetrail gallery enroll\n")
        .contains("== facetrail gallery add\n")
        .contains("== facetrail embedder\n")
        .contains("== facetrail run\n");
  }
}
