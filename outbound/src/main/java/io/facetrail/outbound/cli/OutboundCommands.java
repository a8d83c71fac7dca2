package io.facetrail.outbound.cli;

import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/** The outbound module's command: the service, {@code facetrail outbound}. */
public final class OutboundCommands implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(ProvidedCommand.topLevel(new OutboundCommand()));
  }
}
