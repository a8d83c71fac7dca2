package io.facetrail.ingest.cli;

import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/** Registers {@code facetrail ingest} and {@code facetrail bench decode}. */
public final class IngestCommands implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.topLevel(new IngestCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchDecodeCommand()));
  }
}
