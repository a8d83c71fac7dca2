package io.facetrail.app;

import io.facetrail.app.bench.BenchEmbedderCommand;
import io.facetrail.app.bench.BenchPipelineCommand;
import io.facetrail.app.broker.BrokerCommand;
import io.facetrail.app.broker.TopicsCommand;
import io.facetrail.app.hosting.MatcherCommand;
import io.facetrail.app.run.RunCommand;
import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/** The commands of the CLI module itself. */
public final class AppCommands implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.topLevel(new RunCommand()),
        ProvidedCommand.topLevel(new BrokerCommand()),
        ProvidedCommand.topLevel(new TopicsCommand()),
        ProvidedCommand.topLevel(new MatcherCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchEmbedderCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchPipelineCommand()));
  }
}
