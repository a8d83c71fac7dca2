package io.facetrail.evaluation.detection;

import io.facetrail.evaluation.chart.PngCharts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Recall per bucket as grouped bars, one bar per variant: the report's picture. */
final class RecallChart {
  private RecallChart() {}

  static void write(Path png, RecallTally tally, List<Variant> variants, int faces) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Variant v : variants) {
      for (String dimension : RecallTally.DIMENSIONS) {
        for (Map.Entry<String, RecallTally.Count> b :
            tally.of(v).getOrDefault(dimension, Map.of()).entrySet()) {
          String category =
              dimension.equals(RecallTally.TARGETS) ? b.getKey() : dimension + " " + b.getKey();
          data.addValue(b.getValue().recall(), v.label(), category);
        }
      }
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Face detection recall by bucket (" + faces + " faces, " + tally.frames() + " frames)",
            null,
            "recall",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 1.0);
    PngCharts.write(png, chart, 1400, 650, "the chart");
  }
}
