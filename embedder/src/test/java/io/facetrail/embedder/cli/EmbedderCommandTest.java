package io.facetrail.embedder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The service's configuration options, parsed as the CLI parses them; nothing is started. */
class EmbedderCommandTest {
  private static String printConfig(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new EmbedderCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute(args)).as(err.toString()).isZero();
    return out.toString();
  }

  @Test
  void setOverridesASettingAndPrintConfigShowsItWithSecretsMasked() {
    String yaml =
        printConfig(
            "--set",
            "kafka.bootstrapServers=embedder-test:9092",
            "--set",
            "http.apiToken=do-not-print-this-token",
            "--print-config");
    assertThat(yaml)
        .contains("bootstrapServers: \"embedder-test:9092\"")
        .contains("apiToken: \"******\"")
        .doesNotContain("do-not-print-this-token");
  }

  @Test
  void theDeviceIsPrintedAsGiven() {
    assertThat(printConfig("--set", "faces.device=gpu", "--print-config"))
        .contains("device: \"gpu\"");
  }

  @Test
  void withoutSetPrintConfigShowsTheBuiltInDefaults() {
    assertThat(printConfig("--print-config")).contains("bootstrapServers: \"localhost:9092\"");
  }

  @Test
  void detectionFastTurnsTilingOffAndSetStillWins() {
    // Settings given on the command line are printed as given (quoted), the defaults typed.
    String on = "tiling: \"?true\"?\n";
    String off = "tiling: \"?false\"?\n";
    assertThat(printConfig("--print-config")).containsPattern(on);
    assertThat(printConfig("--detection", "FAST", "--print-config")).containsPattern(off);
    assertThat(printConfig("--detection", "ACCURATE", "--print-config")).containsPattern(on);
    assertThat(printConfig("--detection", "FAST", "--set", "faces.tiling=true", "--print-config"))
        .containsPattern(on);
  }

  @Test
  void detectionExhaustiveScansEveryTileOnEveryFrame() {
    assertThat(printConfig("--print-config")).containsPattern("tilesPerFrame: \"?2\"?\n");
    assertThat(printConfig("--detection", "ACCURATE", "--print-config"))
        .containsPattern("tilesPerFrame: \"?2\"?\n");
    assertThat(printConfig("--detection", "EXHAUSTIVE", "--print-config"))
        .containsPattern("tilesPerFrame: \"?0\"?\n")
        .containsPattern("tiling: \"?true\"?\n");
  }
}
