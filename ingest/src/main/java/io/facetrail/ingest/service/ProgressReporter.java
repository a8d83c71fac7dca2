package io.facetrail.ingest.service;

import io.facetrail.ingest.engine.StreamHandle;
import io.facetrail.ingest.engine.StreamState;
import io.facetrail.ingest.engine.StreamStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows progress: on a terminal, one bar over the media time of all file streams with an ETA;
 * otherwise (services, CI) one quiet log line per stream every {@code interval}.
 */
final class ProgressReporter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

  private final Supplier<List<StreamHandle>> streams;
  private final Duration interval;
  private final boolean terminal;
  private final Thread thread;
  private volatile boolean running = true;

  ProgressReporter(Supplier<List<StreamHandle>> streams, Duration interval, boolean terminal) {
    this.streams = streams;
    this.interval = interval;
    this.terminal = terminal;
    this.thread = new Thread(this::run, "ingest-progress");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    if (terminal) {
      bar();
      return;
    }
    try {
      logLines();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void bar() {
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("ingest")
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" s", 1000)
            .setInitialMax(1)
            .setUpdateIntervalMillis(500)
            .build()) {
      boolean more = true;
      while (more) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          more = false; // closing: draw the final state once more
        }
        update(bar);
        more &= running;
      }
    }
  }

  private void update(ProgressBar bar) {
    long total = 0;
    long done = 0;
    long published = 0;
    for (StreamHandle h : streams.get()) {
      StreamStatus s = h.status();
      published += s.counts().framesPublished();
      if (!s.live() && s.durationUs() > 0) {
        total += s.durationUs() / 1000;
        done += s.state() == StreamState.ENDED ? s.durationUs() / 1000 : s.mediaPositionUs() / 1000;
      }
    }
    bar.maxHint(Math.max(1, total));
    bar.stepTo(Math.min(done, Math.max(1, total)));
    bar.setExtraMessage(published + " frames published");
  }

  private void logLines() throws InterruptedException {
    while (running) {
      Thread.sleep(interval.toMillis());
      for (StreamHandle h : streams.get()) {
        StreamStatus s = h.status();
        if (s.state() == StreamState.ENDED) {
          continue;
        }
        log.info(
            "Stream '{}' {}: {} decoded, {} published, {} dropped, {} corrupt, {} reconnects,"
                + " {} fps{}",
            s.streamId(),
            s.state().name().toLowerCase(java.util.Locale.ROOT),
            s.counts().framesDecoded(),
            s.counts().framesPublished(),
            s.counts().framesDropped(),
            s.counts().framesCorrupt(),
            s.counts().reconnects(),
            String.format("%.1f", s.decodeFps()),
            s.durationUs() > 0
                ? String.format(", %.0f%%", 100.0 * s.mediaPositionUs() / s.durationUs())
                : "");
      }
    }
  }

  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
