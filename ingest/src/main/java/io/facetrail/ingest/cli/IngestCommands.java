package io.facetrail.ingest.cli;

import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/**
 * Registers {@code facetrail ingest}. Its benchmark ({@code bench decode}) and evaluation ({@code
 * eval shots}) are in the benchmarks and evaluation modules.
 */
public final class IngestCommands implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(ProvidedCommand.topLevel(new IngestCommand()));
  }
}
