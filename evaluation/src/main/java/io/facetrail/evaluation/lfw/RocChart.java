package io.facetrail.evaluation.lfw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes ROC curves (true-accept rate against false-accept rate, log scale) as a PNG. */
final class RocChart {
  private RocChart() {}

  /**
   * @param curves per variant name, points (FAR, TAR)
   */
  static void write(Path png, String title, Map<String, double[][]> curves) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (var e : curves.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), true, true);
      for (double[] p : e.getValue()) {
        if (p[0] > 0) {
          s.addOrUpdate(p[0], p[1]);
        }
      }
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            "false-accept rate",
            "true-accept rate",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    LogAxis far = new LogAxis("false-accept rate");
    far.setRange(1e-4, 1);
    plot.setDomainAxis(far);
    NumberAxis tar = (NumberAxis) plot.getRangeAxis();
    tar.setRange(0.8, 1.0);
    try {
      ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 600);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ROC chart " + png, e);
    }
  }
}
