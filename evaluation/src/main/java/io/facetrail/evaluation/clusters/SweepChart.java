package io.facetrail.evaluation.clusters;

import io.facetrail.evaluation.chart.PngCharts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

/** BCubed precision, recall and F of the clusters against the link FPIR, as a PNG. */
final class SweepChart {
  private SweepChart() {}

  /** One point of the sweep. */
  record Point(double linkFpir, ClusterScores scores) {}

  static void write(Path png, String title, List<Point> points) {
    double[][] precision = new double[points.size()][];
    double[][] recall = new double[points.size()][];
    double[][] f = new double[points.size()][];
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      precision[i] = new double[] {p.linkFpir(), p.scores().bcubedPrecision()};
      recall[i] = new double[] {p.linkFpir(), p.scores().bcubedRecall()};
      f[i] = new double[] {p.linkFpir(), p.scores().bcubedF()};
    }
    Map<String, double[][]> curves = new LinkedHashMap<>();
    curves.put("BCubed precision", precision);
    curves.put("BCubed recall", recall);
    curves.put("BCubed F", f);
    JFreeChart chart =
        PngCharts.lineChart(title, "link FPIR", "", PngCharts.curves(curves, p -> p[0] > 0));
    XYPlot plot = chart.getXYPlot();
    plot.setDomainAxis(new LogAxis("clusters.linkFpir"));
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    PngCharts.write(png, chart, 900, 600, "the link FPIR chart");
  }
}
