package io.facetrail.evaluation.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line charts of named curves, and writing any chart to a PNG file. */
public final class PngCharts {
  private PngCharts() {}

  /**
   * One series per curve, in the map's order.
   *
   * @param curves per label, points (x, y)
   * @param shown which points to keep (a log axis cannot show zero)
   */
  public static XYSeriesCollection curves(
      Map<String, double[][]> curves, Predicate<double[]> shown) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (var e : curves.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), true, true);
      for (double[] p : e.getValue()) {
        if (shown.test(p)) {
          s.addOrUpdate(p[0], p[1]);
        }
      }
      data.addSeries(s);
    }
    return data;
  }

  /** A vertical line chart with a legend, no tooltips or links (it only ends up in a file). */
  public static JFreeChart lineChart(
      String title, String xLabel, String yLabel, XYSeriesCollection data) {
    return ChartFactory.createXYLineChart(
        title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
  }

  /**
   * Writes {@code chart} to {@code png}, creating its folder.
   *
   * @param what names the chart in the error, e.g. "the ROC chart"
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Path png, JFreeChart chart, int width, int height, String what) {
    try {
      Files.createDirectories(png.toAbsolutePath().getParent());
      ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + what + " " + png, e);
    }
  }
}
