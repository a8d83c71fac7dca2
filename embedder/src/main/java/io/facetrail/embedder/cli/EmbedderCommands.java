package io.facetrail.embedder.cli;

import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/** The embedder's commands. */
public final class EmbedderCommands implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(ProvidedCommand.topLevel(new EmbedderCommand()));
  }
}
