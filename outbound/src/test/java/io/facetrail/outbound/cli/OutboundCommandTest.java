package io.facetrail.outbound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's configuration options, parsed as the CLI parses them; nothing is started. */
class OutboundCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new OutboundCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void printConfigShowsFileAndSetWithSecretsMasked() throws IOException {
    Path file = dir.resolve("outbound.yaml");
    Files.writeString(
        file,
        """
        webhooks:
          - url: https://nvr.example/hook?token=query-token
            secret: "file-secret-do-not-print"
        """);
    Run r =
        run(
            "--config",
            file.toString(),
            "--set",
            "mqtt.enabled=true",
            "--set",
            "mqtt.username=ha",
            "--set",
            "mqtt.password=mqtt-password-do-not-print",
            "--print-config");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("url: \"https://nvr.example/hook?token=query-token\"")
        .contains("groupId: \"facetrail-outbound\"")
        .contains("deadLetterTopic: \"dlq.outbound.v1\"")
        .doesNotContain("file-secret-do-not-print")
        .doesNotContain("mqtt-password-do-not-print");
  }

  @Test
  void anInvalidConfigurationIsRefusedWithItsProblems() {
    Run r = run("--set", "mqtt.enabled=true", "--set", "mqtt.qos=7", "--print-config");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("mqtt.qos: is 7, must be in 0..2");
  }
}
