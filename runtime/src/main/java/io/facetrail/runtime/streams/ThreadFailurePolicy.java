package io.facetrail.runtime.streams;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one answer of every FaceTrail Streams application to a stream thread that died: replace the
 * thread, unless threads keep dying ({@value #MAX_REPLACEMENTS} replacements within {@link #WINDOW}
 * already), and then shut the client down and report the application failed.
 *
 * <p>Why: bad records never get here (the dead-letter handlers of {@code StreamsDeadLetters} take
 * them), so a thread dies of infrastructure (a fenced producer, a broker or RocksDB error, a
 * timeout) or of a bug. These applications run exactly-once v2 with changelogged stores, so a
 * replaced thread aborts its open transaction and resumes its tasks from the last commit with
 * nothing lost or repeated; that is Kafka's recommended response to transient errors, and it keeps
 * the process, its warm stores and the matcher's in-memory gallery index up. A failure that comes
 * back at once is not transient: replacing threads forever would hide it behind a service that
 * looks alive and does nothing, so the client stops, the service turns not live, and its supervisor
 * (Kubernetes, Compose, the all-in-one run) restarts it or reports the error.
 */
public final class ThreadFailurePolicy implements StreamsUncaughtExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ThreadFailurePolicy.class);

  /** Thread replacements tolerated within {@link #WINDOW}; the next failure stops the client. */
  public static final int MAX_REPLACEMENTS = 3;

  /** The window over which replacements are counted. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private final String name;
  private final LongSupplier nanoTime;
  private final Consumer<Throwable> onGiveUp;
  private final Deque<Long> replacements = new ArrayDeque<>();

  /**
   * @param name the application's name in log lines
   * @param nanoTime the clock of the window ({@code System::nanoTime})
   * @param onGiveUp told of the failure that stops the client
   */
  public ThreadFailurePolicy(String name, LongSupplier nanoTime, Consumer<Throwable> onGiveUp) {
    this.name = name;
    this.nanoTime = nanoTime;
    this.onGiveUp = onGiveUp;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
    long now = nanoTime.getAsLong();
    while (!replacements.isEmpty() && now - replacements.peekFirst() > WINDOW.toNanos()) {
      replacements.removeFirst();
    }
    if (replacements.size() >= MAX_REPLACEMENTS) {
      log.error(
          "{} stream thread failed again ({} replacements within {}); shutting the client down",
          name,
          replacements.size(),
          WINDOW,
          exception);
      onGiveUp.accept(exception);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    replacements.addLast(now);
    log.error("{} stream thread failed; replacing it", name, exception);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
