package io.facetrail.evaluation.quality;

import io.facetrail.faces.quality.GateTable;
import io.facetrail.faces.quality.Measure;
import io.facetrail.faces.quality.QualityGate;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evaluation's JSON lines, chart and gate table from the coded samples. */
final class QualityReport {
  /** Floors whose effect on the report half is printed, to choose the shipped one from. */
  static final double[] FLOORS = {0.3, 0.5, 0.7, 0.8, 0.9, 0.95};

  /** The older single quality score's floor (the matcher's minQuality before the gate). */
  static final double OLD_MIN_QUALITY = 0.3;

  /** The exact configuration, printed first. */
  record Config(
      String modelId,
      double far,
      double threshold,
      double floor,
      int persons,
      String folds,
      long seed) {}

  private final Config config;
  private final QualityTally fit;
  private final QualityTally report;

  QualityReport(Config config, List<SampleRow> rows) {
    this.config = config;
    this.fit = new QualityTally(rows.stream().filter(SampleRow::fit).toList(), config.threshold());
    this.report =
        new QualityTally(rows.stream().filter(r -> !r.fit()).toList(), config.threshold());
  }

  GateTable table() {
    String source =
        String.format(
            Locale.ROOT,
            "facetrail eval quality --persons %d --folds %s --seed %d --far %s: the fit half of the"
                + " identities (one matched pair each, the second photo degraded), accepted at the"
                + " threshold for FAR %s",
            config.persons(),
            config.folds(),
            config.seed(),
            config.far(),
            config.far());
    return GateTableBuilder.build(
        config.modelId(), source, config.far(), config.threshold(), config.floor(), fit.byBucket);
  }

  void print() {
    line(
        "{\"config\":{\"model\":\"%s\",\"far\":%s,\"threshold\":%.4f,\"floor\":%s,"
            + "\"personsPerHalf\":%d,\"folds\":\"%s\",\"seed\":%d}}",
        config.modelId(),
        config.far(),
        config.threshold(),
        config.floor(),
        config.persons(),
        config.folds(),
        config.seed());
    for (String half : new String[] {"fit", "report"}) {
      QualityTally t = half.equals("fit") ? fit : report;
      t.byDegradation.forEach(
          (label, c) -> line("{\"half\":\"%s\",\"degradation\":\"%s\",%s}", half, label, json(c)));
      for (Measure m : Measure.values()) {
        for (Map.Entry<Integer, Count> b : t.byBucket.get(m).entrySet()) {
          line(
              "{\"half\":\"%s\",\"measure\":\"%s\",\"bucket\":\"%s\",%s}",
              half, m.name(), BucketEdges.label(m, b.getKey()), json(b.getValue()));
        }
      }
    }
    GateTable table = table();
    for (double floor : FLOORS) {
      QualityTally.GateOutcome o = report.outcome(new QualityGate(table, floor));
      StringBuilder by = new StringBuilder();
      for (Measure m : Measure.values()) {
        by.append(by.length() == 0 ? "" : ",")
            .append('"')
            .append(m.key())
            .append("\":")
            .append(o.refusedBy().getOrDefault(m, 0L));
      }
      line(
          "{\"half\":\"report\",\"gate\":{\"floor\":%s},\"kept\":{%s},\"refused\":{%s},"
              + "\"refusedBy\":{%s}}",
          floor, json(o.kept()), json(o.refused()), by);
    }
    QualityTally.GateOutcome old = report.outcomeOfScore(OLD_MIN_QUALITY);
    line(
        "{\"half\":\"report\",\"qualityScore\":{\"minQuality\":%s},\"kept\":{%s},\"refused\":{%s}}",
        OLD_MIN_QUALITY, json(old.kept()), json(old.refused()));
  }

  void chart(Path png) {
    QualityChart.write(
        png,
        fit,
        report,
        config.floor(),
        "Genuine acceptance at FAR " + config.far() + " by measured bucket");
  }

  private static String json(Count c) {
    return String.format(
        Locale.ROOT,
        "\"photos\":%d,\"faces\":%d,\"genuine\":%d,\"accepted\":%d,\"tar\":%s,"
            + "\"impostors\":%d,\"falseAccepts\":%d,\"far\":%s",
        c.photos,
        c.faces,
        c.genuine,
        c.accepted,
        num(c.trueAcceptRate()),
        c.impostors,
        c.falseAccepts,
        num(c.falseAcceptRate()));
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static void line(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
