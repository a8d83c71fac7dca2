package io.facetrail.evaluation.identification;

import io.facetrail.evaluation.chart.PngCharts;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes open-set DET curves (FNIR against FPIR, both log scale) as a PNG. */
final class DetChart {
  private DetChart() {}

  /** The DET points of one set of scores: one per stranger named, from the strictest threshold. */
  static double[][] curve(OpenSetScores s) {
    double[] strangers = s.strangers();
    int named = 0;
    while (named < strangers.length && Double.isFinite(strangers[named])) {
      named++;
    }
    double[][] out = new double[named][];
    for (int i = 0; i < named; i++) {
      out[i] = new double[] {(i + 1) / (double) strangers.length, s.fnirAt(strangers[i])};
    }
    return out;
  }

  /**
   * @param curves per label, points (FPIR, FNIR)
   */
  static void write(Path png, String title, Map<String, double[][]> curves) {
    // Log axes cannot show zero.
    XYSeriesCollection data = PngCharts.curves(curves, p -> p[0] > 0 && p[1] > 0);
    JFreeChart chart = PngCharts.lineChart(title, "FPIR", "FNIR", data);
    XYPlot plot = chart.getXYPlot();
    LogAxis fpir = new LogAxis("FPIR (never-enrolled persons named, per search)");
    fpir.setRange(1e-4, 1);
    plot.setDomainAxis(fpir);
    LogAxis fnir = new LogAxis("FNIR (enrolled persons not identified)");
    fnir.setRange(1e-3, 1);
    plot.setRangeAxis(fnir);
    PngCharts.write(png, chart, 1000, 700, "the DET chart");
  }
}
