package io.facetrail.evaluation.lfw;

import io.facetrail.evaluation.chart.PngCharts;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes ROC curves (true-accept rate against false-accept rate, log scale) as a PNG. */
final class RocChart {
  private RocChart() {}

  /**
   * @param curves per variant name, points (FAR, TAR)
   */
  static void write(Path png, String title, Map<String, double[][]> curves) {
    XYSeriesCollection data = PngCharts.curves(curves, p -> p[0] > 0);
    JFreeChart chart = PngCharts.lineChart(title, "false-accept rate", "true-accept rate", data);
    XYPlot plot = chart.getXYPlot();
    LogAxis far = new LogAxis("false-accept rate");
    far.setRange(1e-4, 1);
    plot.setDomainAxis(far);
    NumberAxis tar = (NumberAxis) plot.getRangeAxis();
    tar.setRange(0.8, 1.0);
    PngCharts.write(png, chart, 900, 600, "the ROC chart");
  }
}
