package io.facetrail.evaluation.quality;

import io.facetrail.evaluation.lfw.LfwPairs;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.faces.quality.GateTable;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code facetrail eval quality}: genuine acceptance by measured face quality bucket. */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = {
      "Genuine acceptance and false accepts at the decision threshold on LFW matched pairs whose"
          + " second photo is degraded: face heights 24-150 px, Gaussian blur, dimmed warm light,"
          + " or as posed (yaw from the 68 landmarks); coded through the deployed pipeline.",
      "Bucketed by what the face library measures on the degraded face (face height, sharpness,"
          + " brightness, yaw). The identities are split: the fit half writes the quality gate's"
          + " table (--table-out), the other half reports it.",
      "Prints JSON lines per half, degradation and bucket, the gate's effect on the report half at"
          + " several floors, and writes OUT/quality.png.",
      "Then pairs of two degraded faces (as clusters compare them): per half, measure and bucket,"
          + " false accepts between different persons both measured into the bucket and genuine"
          + " acceptance of a person's two photos degraded the same way, at the thresholds for FAR"
          + " 1e-3 and 1e-4, and the floor per measure (chosen on the fit half) from which FAR"
          + " stays within 3x the target."
    })
public final class EvalQualityCommand implements Callable<Integer> {
  /**
   * The FARs whose single-face thresholds judge pairs of two degraded faces: the decision's default
   * and the stricter one a cluster's links would need.
   */
  static final double[] BOTH_DEGRADED_FARS = {1e-3, 1e-4};

  @Option(
      names = "--lfw-dir",
      required = true,
      description = "LFW folder (pairs.txt, lfw-deepfunneled/).")
  Path lfwDir;

  @Option(
      names = "--persons",
      defaultValue = "150",
      description = "Identities per half (default: ${DEFAULT-VALUE}).")
  int persons;

  @Option(
      names = "--folds",
      defaultValue = "6-10",
      description = "Folds of pairs.txt the identities come from (default: ${DEFAULT-VALUE}).")
  String folds;

  @Option(names = "--seed", defaultValue = "19", description = "Order of the identities.")
  long seed;

  @Option(
      names = "--far",
      defaultValue = "1e-3",
      description =
          "Per-comparison false-accept rate whose calibrated threshold decides (default:"
              + " ${DEFAULT-VALUE}, the run's --far).")
  double far;

  @Option(
      names = "--floor",
      defaultValue = "0.5",
      description = "The floor written into the table (default: ${DEFAULT-VALUE}).")
  double floor;

  @Option(
      names = "--samples",
      description =
          "Coded samples file (face data): read when it exists (no models run), else written"
              + " person by person as the run goes.")
  Path samples;

  @Option(
      names = "--part",
      defaultValue = "0/1",
      description =
          "Code only part K of N of the identities (K/N, from 0): parallel runs each writing a"
              + " samples file, concatenated for the report (default: ${DEFAULT-VALUE}).")
  String part;

  @Option(names = "--table-out", description = "Write the fit half's gate table here.")
  Path tableOut;

  @Option(names = "--out", defaultValue = "eval-quality", description = "Folder of the chart.")
  Path out;

  @Mixin ModelRunOptions models;

  @Override
  public Integer call() throws IOException {
    String modelId = FacePipeline.MODEL_ID;
    CalibrationTable calibration =
        CalibrationTable.forModel(modelId)
            .orElseThrow(() -> new UserFacingException("no calibration table for " + modelId));
    double threshold = calibration.thresholdFor(far);
    List<SampleRow> rows;
    if (samples != null && Files.exists(samples)) {
      rows = SampleFile.read(samples);
    } else {
      rows = sample();
    }
    QualityReport.Config config =
        new QualityReport.Config(modelId, far, threshold, floor, persons, folds, seed);
    QualityReport report = new QualityReport(config, rows);
    report.print();
    double[] pairThresholds = new double[BOTH_DEGRADED_FARS.length];
    for (int t = 0; t < pairThresholds.length; t++) {
      pairThresholds[t] = calibration.thresholdFor(BOTH_DEGRADED_FARS[t]);
    }
    new BothDegradedReport(config, BOTH_DEGRADED_FARS, pairThresholds, rows).print();
    Files.createDirectories(out);
    report.chart(out.resolve("quality.png"));
    if (tableOut != null) {
      GateTable table = report.table();
      if (tableOut.getParent() != null) {
        Files.createDirectories(tableOut.getParent());
      }
      Files.writeString(tableOut, table.toJson() + "\n", StandardCharsets.UTF_8);
    }
    return 0;
  }

  private List<SampleRow> sample() {
    Path pairsFile = lfwDir.resolve("pairs.txt");
    Path photos = lfwDir.resolve("lfw-deepfunneled");
    if (!Files.isRegularFile(pairsFile) || !Files.isDirectory(photos)) {
      throw new UserFacingException(
          "--lfw-dir " + lfwDir + " must hold pairs.txt and lfw-deepfunneled/");
    }
    String[] range = folds.split("-");
    int firstFold;
    int lastFold;
    try {
      firstFold = Integer.parseInt(range[0].trim());
      lastFold = range.length > 1 ? Integer.parseInt(range[1].trim()) : firstFold;
    } catch (NumberFormatException e) {
      throw new UserFacingException("--folds must be N or N-M, got " + folds, e);
    }
    List<QualityPeople.Person> everybody =
        QualityPeople.choose(LfwPairs.read(pairsFile), firstFold, lastFold, persons, seed);
    String[] kn = part.split("/");
    int k;
    int n;
    try {
      k = Integer.parseInt(kn[0].trim());
      n = Integer.parseInt(kn[1].trim());
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new UserFacingException("--part must be K/N, e.g. 0/3, got " + part, e);
    }
    if (n < 1 || k < 0 || k >= n) {
      throw new UserFacingException("--part K/N needs 0 <= K < N, got " + part);
    }
    List<QualityPeople.Person> people = new java.util.ArrayList<>();
    for (int i = k; i < everybody.size(); i += n) {
      people.add(everybody.get(i));
    }
    FacePipelineSettings settings =
        FacePipelineSettings.forPhotos()
            .withDevice(models.device())
            .withModelsDir(models.modelsDir())
            .withBatches(1, 32, models.threads());
    try (FacePipeline pipeline = FacePipeline.create(settings)) {
      return new QualitySampler(new PhotoCoder(pipeline), photos, seed)
          .sample(
              people,
              done -> {
                if (samples != null) {
                  SampleFile.append(samples, done);
                }
              });
    }
  }
}
