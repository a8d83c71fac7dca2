package io.facetrail.ingest.engine;

import io.facetrail.ingest.media.SignatureScaler;
import io.facetrail.shots.ShotBoundary;
import io.facetrail.shots.ShotSequencer;
import io.facetrail.shots.ShotSettings;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A stream's shot detection, on its decoder thread: every decoded frame (selected or not) is
 * reduced to a signature while it is still in memory, selected frames wait here until their shot is
 * decided (a few decoded frames at most) and then go to the publishing queue with it.
 */
final class ShotStage implements AutoCloseable {
  private final StreamContext stream;
  private final SignatureScaler scaler = new SignatureScaler();
  private final ShotSequencer<PendingFrame> sequencer;

  ShotStage(StreamContext stream, ShotSettings settings) {
    this.stream = stream;
    this.sequencer = new ShotSequencer<>(settings);
  }

  /**
   * Takes a decoded frame; {@code selected} is its pending copy when sampling selected it, else
   * null.
   */
  void decoded(AVFrame frame, long mediaTimeUs, PendingFrame selected) throws InterruptedException {
    queue(sequencer.push(scaler.signature(frame, mediaTimeUs), selected));
  }

  /** The input ended (or the stream stops): the frames still waiting go to the queue. */
  void finish() throws InterruptedException {
    queue(sequencer.finish());
  }

  private void queue(java.util.List<ShotSequencer.Released<PendingFrame>> released)
      throws InterruptedException {
    stream.shotCuts.set(sequencer.boundaries(ShotBoundary.Kind.CUT));
    stream.shotGradual.set(sequencer.boundaries(ShotBoundary.Kind.GRADUAL));
    for (int i = 0; i < released.size(); i++) {
      ShotSequencer.Released<PendingFrame> r = released.get(i);
      r.item().shot(r.number(), r.change());
      try {
        if (stream.queue.put(r.item())) {
          stream.dropped.incrementAndGet();
        }
      } catch (InterruptedException e) {
        for (int j = i + 1; j < released.size(); j++) {
          released.get(j).item().release();
        }
        throw e;
      }
    }
  }

  /** Frees the pictures of frames still waiting (the stream was abandoned) and the scaler. */
  @Override
  public void close() {
    sequencer.drain().forEach(PendingFrame::release);
    scaler.close();
  }
}
