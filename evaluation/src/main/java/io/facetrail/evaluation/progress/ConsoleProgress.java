package io.facetrail.evaluation.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on standard error, redrawn every two seconds (often enough for runs of minutes,
 * rarely enough not to flood a log that captures standard error).
 */
public final class ConsoleProgress {
  private ConsoleProgress() {}

  /** A bar for {@code task} counting up to {@code max}; the caller closes it. */
  public static ProgressBar bar(String task, long max) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(2000)
        .build();
  }
}
