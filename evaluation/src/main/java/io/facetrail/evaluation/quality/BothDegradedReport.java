package io.facetrail.evaluation.quality;

import io.facetrail.faces.quality.Measure;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The both-degraded JSON lines of {@code eval quality}: its configuration, one line per half,
 * measure, bucket and threshold ({@link BothDegradedTally}), and per measure and threshold the
 * floor chosen on the fit half ({@link BothDegradedFloor}) with what it lets through on each half.
 */
final class BothDegradedReport {
  private final QualityReport.Config config;
  private final double[] targets;
  private final double[] thresholds;
  private final BothDegradedTally fit;
  private final BothDegradedTally report;

  /**
   * @param targets the FARs judged, e.g. 1e-3 and 1e-4
   * @param thresholds their single-face thresholds from the calibration table
   */
  BothDegradedReport(
      QualityReport.Config config, double[] targets, double[] thresholds, List<SampleRow> rows) {
    this.config = config;
    this.targets = targets.clone();
    this.thresholds = thresholds.clone();
    this.fit = new BothDegradedTally(rows.stream().filter(SampleRow::fit).toList(), thresholds);
    this.report = new BothDegradedTally(rows.stream().filter(r -> !r.fit()).toList(), thresholds);
  }

  void print() {
    StringBuilder judged = new StringBuilder();
    for (int t = 0; t < targets.length; t++) {
      judged
          .append(t == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT, "{\"far\":%s,\"threshold\":%.4f}", targets[t], thresholds[t]));
    }
    line(
        "{\"bothDegradedConfig\":{\"model\":\"%s\",\"measures\":[\"FACE_HEIGHT\",\"SHARPNESS\","
            + "\"BRIGHTNESS\"],\"judged\":[%s],\"maxFarOverTarget\":%s,\"personsPerHalf\":%d,"
            + "\"folds\":\"%s\",\"seed\":%d}}",
        config.modelId(),
        judged,
        BothDegradedFloor.MAX_FAR_OVER_TARGET,
        config.persons(),
        config.folds(),
        config.seed());
    for (String half : new String[] {"fit", "report"}) {
      BothDegradedTally tally = half.equals("fit") ? fit : report;
      for (Measure m : BothDegradedTally.MEASURES) {
        for (Map.Entry<Integer, PairCount> b : tally.sameBucket.get(m).entrySet()) {
          for (int t = 0; t < targets.length; t++) {
            line(
                "{\"bothDegraded\":{\"half\":\"%s\",\"measure\":\"%s\",\"bucket\":\"%s\",%s}}",
                half, m.name(), BucketEdges.label(m, b.getKey()), json(b.getValue(), t));
          }
        }
      }
    }
    for (Measure m : BothDegradedTally.MEASURES) {
      for (int t = 0; t < targets.length; t++) {
        printFloor(m, t);
      }
    }
  }

  private void printFloor(Measure m, int t) {
    int floor = BothDegradedFloor.of(m, fit.sameBucket.get(m), t, targets[t]);
    int reportOwn = BothDegradedFloor.of(m, report.sameBucket.get(m), t, targets[t]);
    if (floor < 0) {
      line(
          "{\"bothDegradedFloor\":{\"measure\":\"%s\",\"targetFar\":%s,\"threshold\":%.4f,"
              + "\"floor\":null,\"reportOwnFloor\":%s}}",
          m.name(), targets[t], thresholds[t], label(m, reportOwn));
      return;
    }
    line(
        "{\"bothDegradedFloor\":{\"measure\":\"%s\",\"targetFar\":%s,\"threshold\":%.4f,"
            + "\"floor\":%s,\"floorValue\":%s,"
            + "\"fit\":{%s,\"worstBucketFarOverTarget\":%s},"
            + "\"report\":{%s,\"worstBucketFarOverTarget\":%s},\"reportOwnFloor\":%s}}",
        m.name(),
        targets[t],
        thresholds[t],
        label(m, floor),
        BucketEdges.of(m)[floor],
        json(fit.atOrAbove(m, floor), t),
        num(BothDegradedFloor.worstRatio(m, fit.sameBucket.get(m), floor, t, targets[t]), 2),
        json(report.atOrAbove(m, floor), t),
        num(BothDegradedFloor.worstRatio(m, report.sameBucket.get(m), floor, t, targets[t]), 2),
        label(m, reportOwn));
  }

  private String json(PairCount c, int t) {
    return String.format(
        Locale.ROOT,
        "\"targetFar\":%s,\"threshold\":%.4f,\"faces\":%d,\"persons\":%d,\"genuine\":%d,"
            + "\"accepted\":%d,\"tar\":%s,\"impostors\":%d,\"falseAccepts\":%d,\"far\":%s,"
            + "\"farOverTarget\":%s",
        targets[t],
        thresholds[t],
        c.faces,
        c.persons.size(),
        c.genuine,
        c.accepted[t],
        num(c.trueAcceptRate(t), 4),
        c.impostors,
        c.falseAccepts[t],
        num(c.falseAcceptRate(t), 6),
        num(c.falseAcceptRate(t) / targets[t], 2));
  }

  private static String label(Measure m, int bucket) {
    return bucket < 0 ? "null" : "\"" + BucketEdges.label(m, bucket) + "\"";
  }

  private static String num(double v, int digits) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  private static void line(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
