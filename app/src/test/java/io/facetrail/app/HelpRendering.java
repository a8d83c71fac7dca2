package io.facetrail.app;

import java.util.Map;
import picocli.CommandLine;

/**
 * Renders the {@code --help} of every command and subcommand of the CLI to standard output, one
 * after the other, each under a {@code == facetrail ...} line. Run in its own JVM by {@link
 * CliHelpTest}: picocli's tracer writes its warnings to the standard error it found when it was
 * loaded, which only a fresh JVM lets a test see.
 */
public final class HelpRendering {
  private HelpRendering() {}

  public static void main(String[] args) {
    render(FacetrailCli.commandLine());
    System.out.flush();
  }

  private static void render(CommandLine command) {
    System.out.println("== " + command.getCommandSpec().qualifiedName());
    System.out.println(command.getUsageMessage());
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      // Aliases map to the same command; render each command once, under its own name.
      if (sub.getKey().equals(sub.getValue().getCommandName())) {
        render(sub.getValue());
      }
    }
  }
}
