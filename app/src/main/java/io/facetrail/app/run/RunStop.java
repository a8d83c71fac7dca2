package io.facetrail.app.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a run. The JVM's shutdown hook {@linkplain #request() requests} the
 * stop and then waits, bounded, until the run has printed its summary and cleaned up ({@link
 * #finished()}); the JVM exits when the hook returns. Thread-safe.
 */
public final class RunStop {
  private final CountDownLatch done = new CountDownLatch(1);
  private final List<Runnable> actions = new ArrayList<>();
  private boolean requested;

  /** Whether a stop was requested. */
  public synchronized boolean requested() {
    return requested;
  }

  /** Runs {@code action} when a stop is requested (at once when it already was). */
  public void onRequest(Runnable action) {
    boolean now;
    synchronized (this) {
      actions.add(action);
      now = requested;
    }
    if (now) {
      action.run();
    }
  }

  /** Requests the stop: stops the inputs; the run then drains briefly and prints its summary. */
  public void request() {
    List<Runnable> run;
    synchronized (this) {
      if (requested) {
        return;
      }
      requested = true;
      run = List.copyOf(actions);
    }
    run.forEach(Runnable::run);
  }

  /** The run has printed what it had and released everything. */
  public void finished() {
    done.countDown();
  }

  /** Requests the stop and waits for the run to finish, at most {@code timeout}. */
  public void requestAndAwait(Duration timeout) {
    request();
    try {
      done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Installs a JVM shutdown hook that stops this run and waits for it; returns the hook. */
  public Thread installHook(Duration timeout) {
    Thread hook = new Thread(() -> requestAndAwait(timeout), "run-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** Removes the hook again (unless the JVM is already shutting down, when it is running). */
  public static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C arrived: the hook is running and waits for the run to finish.
    }
  }
}
