package io.facetrail.evaluation.identification;

import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code facetrail eval strangers}: how often real footage of strangers is named. */
@Command(
    name = "strangers",
    mixinStandardHelpOptions = true,
    description = {
      "How often the matcher names people who are not enrolled, on tracks of real footage: the"
          + " tracks of a track archive (made by `facetrail index` over videos of people who are"
          + " not in LFW) are decided as the matcher decides them against galleries of N LFW"
          + " persons drawn at random, each enrolled with their first photo.",
      "Prints JSON lines: per FAR the share of (track, person) comparisons within the calibrated"
          + " threshold for the track's good frames (and of best frames within the single-face"
          + " one) against the FAR the calibration promises; per gallery size and FPIR the share"
          + " of decisions that name somebody against the configured FPIR; both for all tracks"
          + " and per band of the tracks' mean face sharpness and height. The archive holds each"
          + " track's final aggregate only, so a track the matcher named on an earlier aggregate"
          + " is not counted: the decision rates are lower bounds."
    })
public final class EvalStrangersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LfwCodeOptions data;

  @Option(
      names = "--archive",
      required = true,
      paramLabel = "DIR",
      description = "A local track archive of footage of people who are not in LFW")
  Path archive;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "1,10,100,1000,all",
      description = "Gallery sizes, 'all' for every LFW person (default ${DEFAULT-VALUE})")
  List<String> sizes;

  @Option(
      names = "--fpirs",
      split = ",",
      defaultValue = "0.1,0.01,0.001",
      description = "Configured FPIRs of the decisions (default ${DEFAULT-VALUE})")
  List<Double> fpirs;

  @Option(
      names = "--fars",
      split = ",",
      defaultValue = "0.01,0.001,0.0001",
      description = "Per-comparison FARs of the comparison lines (default ${DEFAULT-VALUE})")
  List<Double> fars;

  @Option(
      names = "--draws",
      defaultValue = "500",
      description = "Galleries drawn per size below all persons (default ${DEFAULT-VALUE})")
  int draws;

  @Option(
      names = "--seed",
      defaultValue = "23",
      description = "Seed of the gallery draws (default ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() {
    if (!Files.isDirectory(archive)) {
      throw new UserFacingException("--archive " + archive + " is not a folder");
    }
    if (draws < 1) {
      throw new UserFacingException("--draws must be at least 1");
    }
    StrangersRun.run(
        data.lfw(),
        data.cacheFile(),
        archive,
        new StrangersRun.Options(
            EvalIdentificationCommand.parse(sizes, "all", "--sizes"),
            EvalIdentificationCommand.rates(fpirs, "--fpirs"),
            EvalIdentificationCommand.rates(fars, "--fars"),
            draws,
            seed),
        spec.commandLine().getOut());
    return 0;
  }
}
