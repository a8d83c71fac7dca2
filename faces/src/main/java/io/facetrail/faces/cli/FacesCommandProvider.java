package io.facetrail.faces.cli;

import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/**
 * Registers the face module's commands with the {@code facetrail} CLI. Its evaluations ({@code eval
 * lfw}, {@code eval calibrate}) and benchmarks ({@code bench embed|embed-v2|detect|landmarks}) are
 * in the evaluation and benchmarks modules.
 */
public final class FacesCommandProvider implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.topLevel(new DeviceCommand()),
        ProvidedCommand.under(CommandGroups.MODELS, new ModelsFetchCommand()));
  }
}
