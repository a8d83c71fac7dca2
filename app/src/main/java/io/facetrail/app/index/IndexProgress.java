package io.facetrail.app.index;

import io.facetrail.runtime.text.DisplayText;
import java.io.PrintStream;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of an indexing run. On a terminal: one bar over all files to index and one per file,
 * both moved by how far the face analysis has got (not the decoder, which runs ahead), refreshed
 * twice a second. Elsewhere (logs, CI): one line when a file starts and one when it is done.
 */
final class IndexProgress implements AutoCloseable {
  /**
   * Where the current file stands.
   *
   * @param analysedMs media time analysed so far
   * @param durationMs the file's length, or -1 while not known
   */
  record Position(double analysedMs, double durationMs) {
    double fraction() {
      return durationMs > 0 ? Math.min(1, Math.max(0, analysedMs / durationMs)) : 0;
    }
  }

  private final PrintStream err;
  private final boolean bars;
  private final int total;
  private final ProgressBar overall;
  private ProgressBar file;
  private Supplier<Position> current;
  private int done;
  private final Thread refresher;
  private volatile boolean running = true;

  IndexProgress(PrintStream err, boolean bars, int total) {
    this.err = err;
    this.bars = bars;
    this.total = total;
    this.overall =
        bars
            ? new ProgressBarBuilder()
                .setTaskName("archive")
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setInitialMax(total * 1000L)
                .setUnit(" files", 1000)
                .setUpdateIntervalMillis(500)
                .build()
            : null;
    this.refresher = new Thread(this::refresh, "index-progress");
    this.refresher.setDaemon(true);
    if (bars) {
      refresher.start();
    }
  }

  /** A file starts; {@code position} tells where it stands from now on. */
  synchronized void start(VideoFile video, Supplier<Position> position) {
    current = position;
    if (bars) {
      file =
          new ProgressBarBuilder()
              .setTaskName(shorten(DisplayText.safe(video.name()), 32))
              .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
              .setInitialMax(0)
              .setUnit(" s", 1000)
              .setUpdateIntervalMillis(500)
              .build();
    } else {
      err.printf("[%d/%d] %s: indexing%n", done + 1, total, DisplayText.safe(video.name()));
      err.flush();
    }
  }

  /** The current file is done; {@code result} says how (one short line). */
  synchronized void finish(VideoFile video, String result) {
    done++;
    current = null;
    if (bars) {
      if (file != null) {
        file.stepTo(Math.max(file.getMax(), 0));
        file.setExtraMessage(result);
        file.close();
        file = null;
      }
      overall.stepTo(done * 1000L);
    } else {
      err.printf(
          "[%d/%d] %s: %s%n",
          done, total, DisplayText.safe(video.name()), DisplayText.safe(result));
      err.flush();
    }
  }

  private void refresh() {
    while (running) {
      synchronized (this) {
        if (current != null && file != null) {
          Position p = current.get();
          if (p.durationMs() > 0) {
            file.maxHint(Math.round(p.durationMs()));
            file.stepTo(Math.round(Math.min(p.analysedMs(), p.durationMs())));
          }
          overall.stepTo(Math.round((done + p.fraction()) * 1000));
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static String shorten(String name, int max) {
    return name.length() <= max ? name : "…" + name.substring(name.length() - max + 1);
  }

  @Override
  public synchronized void close() {
    running = false;
    refresher.interrupt();
    if (file != null) {
      file.close();
    }
    if (overall != null) {
      overall.close();
    }
  }
}
