package io.facetrail.tracker.service;

import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/**
 * The tracker's command: the service. Its evaluation and benchmark are in the evaluation and
 * benchmarks modules.
 */
public final class TrackerCommands implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(ProvidedCommand.topLevel(new TrackerCommand()));
  }
}
