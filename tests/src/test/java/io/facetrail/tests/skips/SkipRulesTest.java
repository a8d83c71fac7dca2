package io.facetrail.tests.skips;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test of every module skips only through {@code io.facetrail.runtime.testing.Skips}, which
 * fails under CI unless the test class is listed as allowed: a JUnit assumption or
 * {@code @Disabled} anywhere else would let CI pass without running the test.
 */
class SkipRulesTest {
  private static final Path GATE =
      Path.of("runtime/src/test/java/io/facetrail/runtime/testing/Skips.java");

  @Test
  void noTestSkipsExceptThroughTheGate() throws IOException {
    Path root = repositoryRoot();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(root)) {
      sources =
          walk.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> root.relativize(p).toString().contains("/src/test/java/"))
              .filter(p -> !root.relativize(p).startsWith("target"))
              .filter(p -> !root.relativize(p).equals(GATE))
              .filter(p -> !p.toString().contains("/target/"))
              // This rule's own sources name what they forbid.
              .filter(p -> !p.getParent().endsWith(Path.of("io/facetrail/tests/skips")))
              .toList();
    }
    assertThat(sources).as("test sources found under %s", root).hasSizeGreaterThan(100);
    List<String> offences =
        sources.stream()
            .flatMap(
                p -> {
                  try {
                    return SkipScanner.offences(
                        root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8))
                        .stream();
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .toList();
    assertThat(offences)
        .as("skip through io.facetrail.runtime.testing.Skips (or Executables/SharedData) instead")
        .isEmpty();
    assertThat(root.resolve(GATE)).exists();
  }

  @Test
  void theScannerSeesEveryKindOfSkip() {
    String source =
        String.join(
            "\n",
            "import org.junit.jupiter.api.Assumptions;",
            "  @Disabled(\"flaky\")",
            "  @EnabledIfEnvironmentVariable(named = \"X\", matches = \"1\")",
            "  @DisabledOnOs(OS.LINUX)",
            "    assumeTrue(ready);",
            "    org.junit.Assume.assumeNotNull(x);",
            "   * {@code @Disabled} in a comment is fine",
            "    Skips.unless(ready, \"a server\");");
    assertThat(SkipScanner.offences("X.java", source))
        .containsExactly(
            "X.java:1: import org.junit.jupiter.api.Assumptions;",
            "X.java:2: @Disabled(\"flaky\")",
            "X.java:3: @EnabledIfEnvironmentVariable(named = \"X\", matches = \"1\")",
            "X.java:4: @DisabledOnOs(OS.LINUX)",
            "X.java:5: assumeTrue(ready);",
            "X.java:6: org.junit.Assume.assumeNotNull(x);");
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("runtime"))) {
        return dir;
      }
    }
    throw new AssertionError("repository root (with mvnw) not found above the working directory");
  }
}
