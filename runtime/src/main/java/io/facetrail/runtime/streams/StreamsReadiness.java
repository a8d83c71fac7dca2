package io.facetrail.runtime.streams;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What "ready" means for every FaceTrail Streams application: the client is {@code RUNNING}, or it
 * is {@code REBALANCING} after having been {@code RUNNING} at least once.
 *
 * <p>Why not {@code RUNNING} only: once the application has run, a rebalance (another instance
 * joining, a stream thread replaced after a failure) is routine and short, and its tasks keep their
 * local state; reporting not-ready for it would make an orchestrator hold a rollout or mark the pod
 * unavailable for nothing. Why not running-or-rebalancing from the start: the first rebalance is
 * where the state stores are restored from their changelogs, which can take long, and the
 * application decides nothing until it has finished.
 *
 * <p>Also the state listener of the client: it logs every transition and tells when the client has
 * stopped ({@code NOT_RUNNING} or {@code ERROR}).
 */
public final class StreamsReadiness implements KafkaStreams.StateListener {
  private static final Logger log = LoggerFactory.getLogger(StreamsReadiness.class);

  private final String name;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch firstRunning = new CountDownLatch(1);
  private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;

  /**
   * @param name the application's name in log lines
   */
  public StreamsReadiness(String name) {
    this.name = name;
  }

  @Override
  public void onChange(KafkaStreams.State now, KafkaStreams.State before) {
    state = now;
    log.info("{} streams {} -> {}", name, before, now);
    if (now == KafkaStreams.State.RUNNING) {
      firstRunning.countDown();
    }
    if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
      stopped.countDown();
    }
  }

  /** Whether the application is ready, as defined above. */
  public boolean isReady() {
    KafkaStreams.State s = state;
    return s == KafkaStreams.State.RUNNING || (s == KafkaStreams.State.REBALANCING && hasRun());
  }

  /** Whether the application has been {@code RUNNING} at least once. */
  public boolean hasRun() {
    return firstRunning.getCount() == 0;
  }

  /** Whether the client has stopped (closed, or shut down after a failure). */
  public boolean hasStopped() {
    return stopped.getCount() == 0;
  }

  /** The last state the client reported. */
  public KafkaStreams.State state() {
    return state;
  }

  /** Waits until the client has stopped. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Waits until the client has stopped, at most {@code millis}; returns whether it has. */
  boolean awaitStopped(long millis) throws InterruptedException {
    return stopped.await(millis, TimeUnit.MILLISECONDS);
  }
}
