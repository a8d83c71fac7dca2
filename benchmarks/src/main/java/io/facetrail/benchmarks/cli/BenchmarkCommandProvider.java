package io.facetrail.benchmarks.cli;

import io.facetrail.benchmarks.archive.BenchArchiveCommand;
import io.facetrail.benchmarks.decode.BenchDecodeCommand;
import io.facetrail.benchmarks.faces.BenchDetectCommand;
import io.facetrail.benchmarks.faces.BenchEmbedCommand;
import io.facetrail.benchmarks.faces.BenchEmbedV2Command;
import io.facetrail.benchmarks.faces.BenchLandmarksCommand;
import io.facetrail.benchmarks.faults.BenchFaultsCommand;
import io.facetrail.benchmarks.gallery.BenchGalleryCommand;
import io.facetrail.benchmarks.tracker.TrackerBenchCommand;
import io.facetrail.runtime.cli.CommandGroups;
import io.facetrail.runtime.cli.CommandProvider;
import java.util.List;

/**
 * Registers the benchmark commands ({@code facetrail bench ...}) with the {@code facetrail} CLI.
 */
public final class BenchmarkCommandProvider implements CommandProvider {
  @Override
  public List<ProvidedCommand> commands() {
    return List.of(
        ProvidedCommand.under(CommandGroups.BENCH, new TrackerBenchCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchGalleryCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchArchiveCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchEmbedCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchEmbedV2Command()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchDetectCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchLandmarksCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchDecodeCommand()),
        ProvidedCommand.under(CommandGroups.BENCH, new BenchFaultsCommand()),
        ProvidedCommand.under(
            CommandGroups.BENCH, new io.facetrail.benchmarks.api.BenchApiCommand()));
  }
}
