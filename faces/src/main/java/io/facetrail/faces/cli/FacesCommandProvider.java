package io.facetrail.faces.cli;

import io.facetrail.faces.bench.BenchDetectCommand;
import io.facetrail.faces.bench.BenchEmbedCommand;
import io.facetrail.faces.bench.BenchEmbedV2Command;
import io.facetrail.faces.bench.BenchLandmarksCommand;
import io.facetrail.faces.eval.CalibrateCommand;
import io.facetrail.faces.eval.EvalLfwCommand;
import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/** Registers the face module's commands with the {@code facetrail} CLI. */
public final class FacesCommandProvider implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.topLevel(new DeviceCommand()),
        ProvidedCommand.under(CommandGroups.MODELS, new ModelsFetchCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new EvalLfwCommand()),
        ProvidedCommand.under(CommandGroups.EVAL, new CalibrateCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchEmbedCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchEmbedV2Command()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchDetectCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchLandmarksCommand()));
  }
}
