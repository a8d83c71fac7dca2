package io.facetrail.trainer.run;

import io.facetrail.evaluation.chart.PngCharts;
import io.facetrail.trainer.triplet.StepRecord;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Writes the loss curve of a run as a PNG: the triplet loss and the fraction of active triplets per
 * step, each smoothed over a window of steps (single batches are noisy).
 */
public final class LossPlot {
  private LossPlot() {}

  public static void write(Path png, String title, List<StepRecord> history, int window) {
    XYSeries loss = new XYSeries("triplet loss (mean of " + window + " steps)");
    XYSeries active = new XYSeries("active triplets (fraction, mean of " + window + " steps)");
    double sumLoss = 0;
    double sumActive = 0;
    for (int i = 0; i < history.size(); i++) {
      sumLoss += history.get(i).loss();
      sumActive += history.get(i).activeFraction();
      if (i >= window) {
        sumLoss -= history.get(i - window).loss();
        sumActive -= history.get(i - window).activeFraction();
      }
      int n = Math.min(i + 1, window);
      loss.add(history.get(i).step(), sumLoss / n);
      active.add(history.get(i).step(), sumActive / n);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(loss);
    data.addSeries(active);
    JFreeChart chart = PngCharts.lineChart(title, "step", "value", data);
    PngCharts.write(png, chart, 900, 600, "loss plot");
  }
}
