package io.facetrail.evaluation.identification;

import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code facetrail eval identification}: open-set DET of the matcher's decisions on LFW. */
@Command(
    name = "identification",
    mixinStandardHelpOptions = true,
    description = {
      "Open-set identification on LFW, judged as the matcher judges (threshold and margin to the"
          + " second-nearest person). Galleries of --sizes persons (seeded; persons with several"
          + " photos first, enrolled with their first photo); searches with their other photos,"
          + " single or as tracks of k photos folded into the matcher's track aggregate; every"
          + " photo of the people of pairs.txt folds 6-10, never enrolled, as strangers.",
      "Prints one JSON line per gallery size and search kind: FNIR at each --fpirs (the DET,"
          + " threshold set on the strangers) and the matcher's operating point at each --fpirs"
          + " (threshold from the calibration table for that gallery size) with the FPIR it"
          + " measures and the FNIR it costs. Codes are cached (--cache), so a rerun resumes."
    })
public final class EvalIdentificationCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LfwCodeOptions data;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "100,1000,all",
      description = "Gallery sizes, 'all' for every eligible person (default ${DEFAULT-VALUE})")
  List<String> sizes;

  @Option(
      names = "--tracks",
      split = ",",
      defaultValue = "photo,1,3,5",
      description =
          "'photo' for single photos, k for tracks of k photos (default ${DEFAULT-VALUE})")
  List<String> tracks;

  @Option(
      names = "--fpirs",
      split = ",",
      defaultValue = "0.1,0.01,0.001",
      description = "FPIRs of the DET and operating points (default ${DEFAULT-VALUE})")
  List<Double> fpirs;

  @Option(
      names = "--seed",
      defaultValue = "18",
      description = "Seed of the galleries and tracks (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--draws",
      defaultValue = "5",
      description =
          "Seeded partitions of each person's photos into tracks; repeated sets are kept once"
              + " (default ${DEFAULT-VALUE})")
  int draws;

  @Option(
      names = "--max-tracks-per-person",
      defaultValue = "10",
      description = "At most this many tracks of one person (default ${DEFAULT-VALUE})")
  int maxTracksPerPerson;

  @Option(
      names = "--protocol",
      defaultValue = "held-out",
      description =
          "'held-out': strangers are the people of folds 6-10 (the report); 'fit': folds 6-10 are"
              + " left out and half the people of folds 1-5 are the strangers (for choices that"
              + " must not see the reported identities) (default ${DEFAULT-VALUE})")
  String protocol;

  @Option(
      names = "--plot",
      paramLabel = "PNG",
      description = "Write the DET curves to this PNG file")
  Path plot;

  @Option(
      names = "--max-people",
      defaultValue = "100000",
      description = "Limit enrolled and stranger people (a quick run)")
  int maxPeople;

  @Override
  public Integer call() {
    Path c = data.cacheFile();
    IdentificationRun.Options o =
        new IdentificationRun.Options(
            parse(sizes, "all", "--sizes"),
            parse(tracks, "photo", "--tracks"),
            rates(fpirs, "--fpirs"),
            seed,
            draws,
            maxTracksPerPerson,
            maxPeople,
            protocol(),
            plot);
    if (draws < 1 || maxTracksPerPerson < 1) {
      throw new UserFacingException("--draws and --max-tracks-per-person must be at least 1");
    }
    IdentificationRun.run(data.lfw(), c, o, spec.commandLine().getOut());
    return 0;
  }

  private boolean protocol() {
    return switch (protocol) {
      case "held-out" -> false;
      case "fit" -> true;
      default ->
          throw new UserFacingException(
              "--protocol must be 'held-out' or 'fit', got '" + protocol + "'");
    };
  }

  /** Rates given for {@code option}, each strictly between 0 and 1. */
  static double[] rates(List<Double> values, String option) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      double f = values.get(i);
      if (!(f > 0 && f < 1)) {
        throw new UserFacingException(option + " must lie between 0 and 1, got " + f);
      }
      out[i] = f;
    }
    return out;
  }

  /** Positive integers, the word {@code zero} standing for 0. */
  static List<Integer> parse(List<String> values, String zero, String option) {
    List<Integer> out = new ArrayList<>();
    for (String v : values) {
      if (v.equals(zero)) {
        out.add(0);
        continue;
      }
      try {
        int i = Integer.parseInt(v.trim());
        if (i < 1) {
          throw new NumberFormatException();
        }
        out.add(i);
      } catch (NumberFormatException e) {
        throw new UserFacingException(
            option + " takes positive numbers or '" + zero + "', got '" + v + "'", e);
      }
    }
    return out;
  }
}
