package io.facetrail.app.index;

import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/** Contributes {@code facetrail index} to the command line. */
public final class IndexCommands implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(ProvidedCommand.topLevel(new IndexCommand()));
  }
}
