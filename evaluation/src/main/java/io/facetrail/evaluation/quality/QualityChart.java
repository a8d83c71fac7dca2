package io.facetrail.evaluation.quality;

import io.facetrail.faces.quality.Measure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Genuine acceptance per measured bucket, fit half beside report half: the report's picture. */
final class QualityChart {
  private QualityChart() {}

  static void write(Path png, QualityTally fit, QualityTally report, double floor, String title) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Measure m : Measure.values()) {
      add(data, "fit half", m, fit.byBucket.get(m));
      add(data, "report half", m, report.byBucket.get(m));
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            title + " (floor " + floor + ")",
            null,
            "genuine acceptance",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 1.0);
    try {
      ChartUtils.saveChartAsPNG(png.toFile(), chart, 1400, 650);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the chart " + png, e);
    }
  }

  private static void add(
      DefaultCategoryDataset data, String series, Measure m, Map<Integer, Count> buckets) {
    for (int i = 0; i < BucketEdges.of(m).length; i++) {
      Count c = buckets.get(i);
      String category = m.name().toLowerCase(java.util.Locale.ROOT) + " " + BucketEdges.label(m, i);
      data.addValue(c == null || c.genuine == 0 ? 0 : c.trueAcceptRate(), series, category);
    }
  }
}
