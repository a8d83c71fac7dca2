package io.facetrail.tracker.service;

import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import io.facetrail.tracker.bench.TrackerBenchCommand;
import io.facetrail.tracker.eval.TrackingEvalCommand;
import java.util.List;

/** The tracker's commands: the service, its benchmark and its evaluation. */
public final class TrackerCommands implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.topLevel(new TrackerCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new TrackerBenchCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new TrackingEvalCommand()));
  }
}
