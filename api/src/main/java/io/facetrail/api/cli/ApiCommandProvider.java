package io.facetrail.api.cli;

import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/** Registers {@code facetrail serve} and {@code facetrail api-keys}. */
public final class ApiCommandProvider implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.topLevel(new ServeCommand()),
        ProvidedCommand.topLevel(new ApiKeysCommand()));
  }
}
