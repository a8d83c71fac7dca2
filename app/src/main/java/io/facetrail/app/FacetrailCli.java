package io.facetrail.app;

import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import io.facetrail.runtime.cli.CommandProvider.ProvidedCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Entry point of the {@code facetrail} command. */
@Command(
    name = "facetrail",
    mixinStandardHelpOptions = true,
    versionProvider = FacetrailVersion.class,
    description = {
      "FaceTrail: streaming video face recognition and tracking.",
      "",
      "Every service of the pipeline and every tool is a subcommand; `facetrail COMMAND --help`"
          + " describes each one."
    },
    subcommandsRepeatable = false)
public final class FacetrailCli implements Runnable {
  @CommandLine.Spec CommandSpec spec;

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    // JavaCPP (OpenCV, FFmpeg) prints its warnings straight to standard error; through SLF4J they
    // follow the log format and levels (logback.xml). Must be set before JavaCPP's Loader loads.
    if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
      System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
    }
    System.exit(commandLine().execute(args));
  }

  /** The whole command tree, with every module's commands found through the ServiceLoader. */
  public static CommandLine commandLine() {
    CommandLine root = new CommandLine(new FacetrailCli());
    List<ProvidedCommand> provided = new ArrayList<>();
    for (CommandProvider provider : ServiceLoader.load(CommandProvider.class)) {
      provided.addAll(provider.commands());
    }
    provided.sort(Comparator.comparing((ProvidedCommand c) -> c.parentPath().size()));
    for (ProvidedCommand c : provided) {
      CommandLine parent = root;
      for (String group : c.parentPath()) {
        parent = groupOf(parent, group);
      }
      parent.addSubcommand(c.command());
    }
    root.setExecutionExceptionHandler(new CliErrorHandler());
    return root;
  }

  private static CommandLine groupOf(CommandLine parent, String name) {
    CommandLine existing = parent.getSubcommands().get(name);
    if (existing != null) {
      return existing;
    }
    CommandSpec group = CommandSpec.create().name(name).mixinStandardHelpOptions(true);
    UsageMessageSpec usage = group.usageMessage();
    usage.description(CommandGroups.DESCRIPTIONS.getOrDefault(name, name + " commands"));
    CommandLine groupLine = new CommandLine(group);
    parent.addSubcommand(name, groupLine);
    return groupLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
