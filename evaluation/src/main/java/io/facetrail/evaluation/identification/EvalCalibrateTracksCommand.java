package io.facetrail.evaluation.identification;

import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code facetrail eval calibrate-tracks}: thresholds for tracks of several faces. */
@Command(
    name = "calibrate-tracks",
    mixinStandardHelpOptions = true,
    description = {
      "Adds to a calibration table the thresholds for a track's aggregate of several faces: the"
          + " matcher's quality-weighted mean of k faces sits closer to everybody than one face"
          + " does, so at single-face thresholds tracks of strangers are named too often.",
      "Tracks of k photos of the people of LFW folds 1-5 (fit) and 6-10 (check) are folded as the"
          + " matcher folds them and compared with every photo of every other person, at the"
          + " table's own FARs. Prints one JSON line per k and writes the extended table."
    })
public final class EvalCalibrateTracksCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LfwCodeOptions data;

  @Option(
      names = "--table",
      paramLabel = "JSON",
      description = "Single-face table to extend (default: the shipped table of the model)")
  Path table;

  @Option(names = "--out", required = true, paramLabel = "JSON", description = "Table to write")
  Path out;

  @Option(
      names = "--faces",
      split = ",",
      defaultValue = "2,3,5,8",
      description = "Aggregate sizes to calibrate (default ${DEFAULT-VALUE})")
  List<Integer> faces;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Seed of the tracks (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--draws",
      defaultValue = "10",
      description =
          "Seeded partitions of each person's photos into tracks (default ${DEFAULT-VALUE})")
  int draws;

  @Option(
      names = "--max-tracks-per-person",
      defaultValue = "20",
      description = "At most this many tracks of one person per size (default ${DEFAULT-VALUE})")
  int maxTracksPerPerson;

  @Override
  public Integer call() {
    if (faces.stream().anyMatch(k -> k < 2 || k > 100)) {
      throw new UserFacingException("--faces must lie between 2 and 100, got " + faces);
    }
    if (draws < 1 || maxTracksPerPerson < 1) {
      throw new UserFacingException("--draws and --max-tracks-per-person must be at least 1");
    }
    Path c = data.cacheFile();
    TrackCalibration.run(
        data.lfw(),
        c,
        table,
        out,
        new TrackCalibration.Options(
            faces.stream().sorted().distinct().toList(), seed, draws, maxTracksPerPerson),
        spec.commandLine().getOut());
    return 0;
  }
}
