package io.facetrail.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.index.IndexCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The configuration options of {@code run} and {@code index} on the command line. */
class RunCommandOptionsTest {
  private record Result(int exit, String out, String err) {}

  private static Result execute(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(command)
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void printConfigNeedsNoInputAndStartsNothing() {
    Result r =
        execute(
            new RunCommand(),
            "--print-config",
            "--set",
            "matcher.clusters.joinShare=0.6",
            "--fpir",
            "1e-3");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("joinShare: \"0.6\"", "fpir: \"0.001\"", "tracker:");
    Result index = execute(new IndexCommand(), "--print-config", "--device", "cpu");
    assertThat(index.exit()).isZero();
    assertThat(index.out()).contains("device: \"cpu\"");
  }

  @Test
  void withoutPrintConfigAnInputIsRequired() {
    Result r = execute(new RunCommand(), "--set", "matcher.decision.fpir=1e-3");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter: 'INPUT'");
    assertThat(execute(new IndexCommand()).err())
        .contains("Missing required parameter: 'DIR|FILE'");
  }

  @Test
  void helpNamesTheKeySpaceAndThePrecedence() {
    String help = new CommandLine(new RunCommand()).getUsageMessage().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--config=FILE", "--set=KEY=VALUE", "--print-config")
        .contains("sections")
        .contains("embedder, tracker, matcher")
        .contains("then the options --detection, --device,")
        .contains("Stands for matcher.decision.fpir");
  }
}
