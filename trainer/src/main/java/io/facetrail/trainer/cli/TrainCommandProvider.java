package io.facetrail.trainer.cli;

import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/** Registers the {@code facetrail train ...} commands and the harmonic model's benchmark. */
public final class TrainCommandProvider implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.under(CommandGroups.TRAIN, new TrainChipsCommand()),
        ProvidedCommand.under(CommandGroups.TRAIN, new TrainTripletCommand()),
        ProvidedCommand.under(CommandGroups.TRAIN, new TrainHarmonicCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchEmbedHarmonicCommand()));
  }
}
