package io.facetrail.app.bench;

import io.facetrail.app.run.PipelineProgress;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar (on standard error) of the frames the face models have analysed in a set of
 * streams, refreshed twice a second from the faces topic.
 */
final class AnalysisBar implements AutoCloseable {
  private final ProgressBar bar;
  private final PipelineProgress progress;
  private final List<String> streams;
  private final Thread refresher;
  private volatile boolean running = true;

  /**
   * @param streams the streams to count; {@link #add} extends it as they start
   */
  AnalysisBar(String task, long frames, PipelineProgress progress, List<String> streams) {
    this.bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(frames)
            .setUnit(" frames", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
    this.progress = progress;
    this.streams = streams;
    this.refresher = new Thread(this::refresh, "bench-progress");
    this.refresher.setDaemon(true);
    this.refresher.start();
  }

  synchronized void add(String streamId) {
    streams.add(streamId);
  }

  private synchronized long analysed() {
    return streams.stream().mapToLong(id -> progress.of(id).frames()).sum();
  }

  private void refresh() {
    while (running) {
      bar.stepTo(analysed());
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return; // closing
      }
    }
  }

  @Override
  public void close() {
    running = false;
    refresher.interrupt();
    bar.stepTo(analysed());
    bar.close();
  }
}
