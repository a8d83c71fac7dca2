package io.facetrail.runtime.cli;

import java.util.List;

/**
 * Contributes picocli commands to the {@code facetrail} CLI. Implementations are listed in {@code
 * META-INF/services/io.facetrail.runtime.cli.CommandProvider} of their module.
 */
public interface CommandProvider {
  /**
   * The commands this module adds, each placed under a parent named by its path of group names: an
   * empty path for a top-level command ({@code facetrail ingest}), {@code List.of("bench")} for
   * {@code facetrail bench decode}.
   */
  List<ProvidedCommand> commands();

  /**
   * One command and where it goes.
   *
   * @param parentPath group names from the root, e.g. {@code ["eval"]}; empty for top level
   * @param command a picocli {@code @Command}-annotated object (or a {@code CommandLine})
   */
  record ProvidedCommand(List<String> parentPath, Object command) {
    public ProvidedCommand {
      parentPath = List.copyOf(parentPath);
    }

    public static ProvidedCommand topLevel(Object command) {
      return new ProvidedCommand(List.of(), command);
    }

    public static ProvidedCommand under(String group, Object command) {
      return new ProvidedCommand(List.of(group), command);
    }
  }
}
