package io.facetrail.matcher.cli;

import io.facetrail.matcher.eval.IdentificationRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code facetrail eval identification}: rank-1 and open-set FAR on LFW identities. */
@Command(
    name = "identification",
    mixinStandardHelpOptions = true,
    description = {
      "LFW identification: enrol one image per person (people with at least two images), query"
          + " with the others (rank-1 accuracy, true-accept rate at the threshold), and query with"
          + " every image of the people of folds 6-10, who are not enrolled (open-set false-accept"
          + " rate at the configured per-comparison FAR).",
      "Prints one JSON line. Codes are cached (--cache), so a rerun resumes."
    })
final class EvalIdentificationCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--lfw",
      required = true,
      paramLabel = "DIR",
      description = "LFW root (holds lfw-deepfunneled/ and pairs.txt)")
  Path lfw;

  @Option(
      names = "--far",
      defaultValue = "0.001",
      description = "Per-comparison false-accept rate (default ${DEFAULT-VALUE})")
  double far;

  @Option(
      names = "--max-people",
      defaultValue = "100000",
      description = "Limit enrolled and stranger people (a quick run)")
  int maxPeople;

  @Option(
      names = "--cache",
      paramLabel = "FILE",
      description = "Code cache (default: ~/.cache/facetrail/lfw-identification.codes)")
  Path cache;

  @Override
  public Integer call() {
    Path c =
        cache != null
            ? cache
            : Path.of(
                System.getProperty("user.home"), ".cache", "facetrail", "lfw-identification.codes");
    IdentificationRun.run(lfw, far, maxPeople, c, spec.commandLine().getOut());
    return 0;
  }
}
