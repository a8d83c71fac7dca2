package io.facetrail.ingest.testing;

import io.facetrail.ingest.engine.IngestListener;
import io.facetrail.ingest.engine.StreamGap;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the life-cycle events of an ingest engine's streams, with when they happened. */
public final class RecordingIngestListener implements IngestListener {
  /** One {@code reconnecting} event; {@code atNanos} is {@link System#nanoTime()}. */
  public record Reconnecting(
      String streamId, int attempt, Duration delay, String cause, long atNanos) {}

  /** One {@code resumed} event. */
  public record Resumed(String streamId, StreamGap gap, long atNanos) {}

  private final List<Reconnecting> reconnecting = new CopyOnWriteArrayList<>();
  private final List<Resumed> resumed = new CopyOnWriteArrayList<>();

  @Override
  public void reconnecting(String streamId, int attempt, Duration delay, String cause) {
    reconnecting.add(new Reconnecting(streamId, attempt, delay, cause, System.nanoTime()));
  }

  @Override
  public void resumed(String streamId, StreamGap gap) {
    resumed.add(new Resumed(streamId, gap, System.nanoTime()));
  }

  /** The reconnecting events so far, in order. */
  public List<Reconnecting> reconnecting() {
    return List.copyOf(reconnecting);
  }

  /** The resumed events so far, in order. */
  public List<Resumed> resumed() {
    return List.copyOf(resumed);
  }
}
