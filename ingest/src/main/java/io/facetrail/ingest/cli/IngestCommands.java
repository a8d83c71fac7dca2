package io.facetrail.ingest.cli;

import io.facetrail.ingest.eval.EvalShotsCommand;
import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/**
 * Registers {@code facetrail ingest}, {@code facetrail bench decode} and {@code facetrail eval
 * shots}.
 */
public final class IngestCommands implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.topLevel(new IngestCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchDecodeCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new EvalShotsCommand()));
  }
}
