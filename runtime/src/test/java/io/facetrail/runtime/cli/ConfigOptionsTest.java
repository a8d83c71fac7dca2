package io.facetrail.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConfigOptionsTest {
  @TempDir Path dir;

  /** The configuration of {@link ProbeCommand}. */
  record ProbeConfig(String name, Secret token) {}

  /** A service command as the services write theirs; "ran" when it got past the options. */
  @Command(name = "probe")
  static final class ProbeCommand implements Callable<Integer> {
    @Mixin ConfigOptions config;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    ProbeConfig loaded;

    @Override
    public Integer call() {
      ConfigLoader<ProbeConfig> loader =
          new ConfigLoader<>(ProbeConfig.class, "probe-defaults.yaml");
      if (config.printIfRequested(
          loader, Map.of("name", "from-option"), spec.commandLine().getOut())) {
        return 0;
      }
      loaded = config.load(loader, Map.of("name", "from-option"));
      spec.commandLine().getOut().print("ran");
      return 0;
    }
  }

  private static String run(ProbeCommand command, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    assertThat(cl.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void setWinsOverTheCommandsOwnSettingsAndTheFile() throws Exception {
    Path file = dir.resolve("probe.yaml");
    Files.writeString(file, "name: from-file\n");
    ProbeCommand c = new ProbeCommand();
    assertThat(run(c, "--config", file.toString(), "--set", "name=from-set")).isEqualTo("ran");
    assertThat(c.loaded.name()).isEqualTo("from-set");
    ProbeCommand plain = new ProbeCommand();
    run(plain, "--config", file.toString());
    assertThat(plain.loaded.name()).isEqualTo("from-option");
  }

  @Test
  void printConfigPrintsTheEffectiveSettingsWithSecretsMaskedAndStartsNothing() {
    ProbeCommand c = new ProbeCommand();
    String out =
        run(c, "--set", "name=printed", "--set", "token=very-secret-token", "--print-config");
    assertThat(out)
        .contains("name: \"printed\"")
        .contains("token: \"" + Secret.REDACTED + "\"")
        .doesNotContain("very-secret-token")
        .doesNotContain("ran");
    assertThat(c.loaded).isNull();
  }
}
