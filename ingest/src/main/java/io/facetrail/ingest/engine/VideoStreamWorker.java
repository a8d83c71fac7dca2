package io.facetrail.ingest.engine;

import io.facetrail.ingest.media.FrameSink;
import io.facetrail.ingest.media.OpenRequest;
import io.facetrail.ingest.media.SourceFailure;
import io.facetrail.ingest.media.SourceFailure.Kind;
import io.facetrail.ingest.media.StreamInfo;
import io.facetrail.ingest.media.VideoInput;
import io.facetrail.ingest.sampling.FrameSampler;
import io.facetrail.ingest.sampling.SamplingPolicy;
import io.facetrail.ingest.source.SourceKind;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.shots.ShotSettings;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video stream's decoder thread: opens the input, decodes, selects, encodes and queues frames;
 * for live sources, reconnects with back-off after every failure until stopped or out of attempts.
 */
final class VideoStreamWorker implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(VideoStreamWorker.class);

  private final StreamContext stream;
  private final StreamMeters meters;
  private final SourceSpec spec;
  private final FrameSampler sampler;
  private final ShotStage shots;
  private final Interruptions interruptions;
  private long nextSequence;
  private long lastMediaTimeUs = -1;
  private long firstFrameNanos;

  VideoStreamWorker(StreamContext stream, StreamMeters meters) {
    this.stream = stream;
    this.meters = meters;
    this.spec = stream.spec;
    this.sampler = spec.sampling().newSampler();
    this.shots = new ShotStage(stream, ShotSettings.defaults());
    this.interruptions = new Interruptions(spec.stallTimeout());
  }

  @Override
  public void run() {
    stream.decoderThread(Thread.currentThread());
    try (shots) {
      loop();
    } catch (RuntimeException e) {
      log.error("Stream '{}' failed unexpectedly", stream.id, e);
      stream.decoderEnded(EndReason.FAILED, "internal error: " + e, null);
    }
  }

  /**
   * The decoder is done: the frames still waiting for their shot go to the queue first, so a stream
   * that ends or stops loses none of its selected frames.
   */
  private void ended(EndReason reason, String why, SourceFailure.Kind kind) {
    try {
      shots.finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("Stream '{}': interrupted while queueing its last frames", stream.id);
    }
    stream.decoderEnded(reason, why, kind);
  }

  private void loop() {
    while (true) {
      if (stream.stopRequested()) {
        stopped();
        return;
      }
      try {
        long rejectedBefore = stream.decode.packetsRejected();
        boolean producedFrames = session();
        long rejected = stream.decode.packetsRejected() - rejectedBefore;
        if (stream.stopRequested()) {
          stopped();
          return;
        }
        if (!producedFrames && rejected > 0) {
          throw new SourceFailure(
              Kind.UNDECODABLE,
              "no frame could be decoded: the decoder refused all "
                  + rejected
                  + " video packets of "
                  + spec.displayName());
        }
        if (!spec.live()) {
          ended(EndReason.COMPLETED, "end of input", null);
          return;
        }
        throw new SourceFailure(Kind.CONNECTION_LOST, "the stream ended");
      } catch (SourceFailure f) {
        meters.failure(f.kind());
        if (stream.stopRequested()) {
          stopped();
          return;
        }
        String cause = "stream '" + stream.id + "': " + f.getMessage();
        if (!spec.live() || !f.kind().retryable()) {
          log.error("{}", cause);
          ended(EndReason.FAILED, cause, f.kind());
          return;
        }
        int failedAttempts =
            interruptions.failed(
                f.getMessage(),
                System.nanoTime(),
                f.kind() == Kind.STALLED ? spec.stallTimeout() : Duration.ZERO);
        if (!spec.reconnect().allows(failedAttempts)) {
          String why =
              cause + " (gave up after " + (failedAttempts - 1) + " reconnection attempts)";
          log.error("{}", why);
          ended(EndReason.FAILED, why, f.kind());
          return;
        }
        if (!backOff(failedAttempts, cause)) {
          stopped();
          return;
        }
      } catch (InterruptedException e) {
        stopped();
        return;
      }
    }
  }

  /** One connection: returns whether it produced frames; throws when it failed. */
  private boolean session() throws SourceFailure, InterruptedException {
    long decodedBefore = stream.decode.framesDecoded();
    try (VideoInput input = VideoInput.open(openRequest(), stream.decode)) {
      stream.currentInput(input);
      StreamInfo info = input.info();
      stream.duration(info.durationUs());
      stream.state(StreamState.RUNNING, "");
      log.info("Stream '{}' opened {}: {}", stream.id, spec.displayName(), info.describe());
      stream.notifyListener(l -> l.connected(stream.id, info));
      long offset = sessionOffsetUs(info);
      FrameSink sink = (frame, t, key) -> accept(frame, offset + t, key);
      if (spec.skipUnusedFrames()) {
        // One frame interval: the frame at (or just after) each selection time is always decoded,
        // so the frames selected are the same as when every frame is decoded.
        long window = info.frameIntervalUs();
        input.hint(t -> sampler.mightSelect(offset + t, window));
      }
      while (input.readNext(sink)) {
        if (stream.stopRequested()) {
          break;
        }
      }
      warnIfShort(info);
    } finally {
      stream.currentInput(null);
    }
    return stream.decode.framesDecoded() > decodedBefore;
  }

  private void accept(org.bytedeco.ffmpeg.avutil.AVFrame frame, long mediaTimeUs, boolean key)
      throws InterruptedException {
    long now = System.nanoTime();
    if (firstFrameNanos == 0) {
      firstFrameNanos = now;
    }
    StreamGap gap = interruptions.frame(now);
    if (gap != null) {
      resumed(gap);
    }
    lastMediaTimeUs = mediaTimeUs;
    stream.frameDecoded(mediaTimeUs);
    PendingFrame pending = null;
    if (sampler.select(mediaTimeUs, key)) {
      pending = PendingFrame.of(nextSequence++, mediaTimeUs, key, frame);
      stream.selected.incrementAndGet();
    }
    // Every decoded frame counts for shots: a cut between two selected frames still ends tracks.
    shots.decoded(frame, mediaTimeUs, pending);
  }

  /** Frames flow again after an interruption: says how long the hole is, in every channel. */
  private void resumed(StreamGap gap) {
    stream.gapEnded(gap);
    meters.gap(gap.length());
    log.info("Stream '{}' resumed after {}", stream.id, gap.describe());
    stream.notifyListener(l -> l.resumed(stream.id, gap));
  }

  /**
   * Media time keeps increasing across reconnects of a live source: a new connection starts after
   * the last frame and no earlier than the wall-clock time since the stream's first frame.
   */
  private long sessionOffsetUs(StreamInfo info) {
    if (lastMediaTimeUs < 0) {
      return 0;
    }
    long elapsedUs = (System.nanoTime() - firstFrameNanos) / 1000;
    return Math.max(lastMediaTimeUs + info.frameIntervalUs(), elapsedUs);
  }

  private boolean backOff(int attempt, String cause) {
    Duration delay = spec.reconnect().delayBefore(attempt, ThreadLocalRandom.current()::nextDouble);
    stream.reconnects.incrementAndGet();
    stream.state(StreamState.RECONNECTING, cause);
    log.warn("{}; reconnecting in {} ms (attempt {})", cause, delay.toMillis(), attempt);
    stream.notifyListener(l -> l.reconnecting(stream.id, attempt, delay, cause));
    try {
      Thread.sleep(delay.toMillis());
      return !stream.stopRequested();
    } catch (InterruptedException e) {
      return false;
    }
  }

  private void warnIfShort(StreamInfo info) {
    long decoded =
        stream.decode.framesDecoded()
            + stream.decode.framesSkipped()
            + stream.decode.packetsRejected();
    if (!spec.live()
        && spec.sampling().mode() != SamplingPolicy.Mode.KEY_FRAMES
        && info.frameCount() > 0
        && decoded < info.frameCount() * 0.98) {
      log.warn(
          "Stream '{}': the container announces {} frames but only {} were read (truncated file?)",
          stream.id,
          info.frameCount(),
          decoded);
    }
  }

  private void stopped() {
    ended(EndReason.STOPPED, "stopped", null);
  }

  private OpenRequest openRequest() {
    boolean networked = spec.kind() == SourceKind.NETWORK || spec.kind() == SourceKind.DEVICE;
    String url = spec.openUrl();
    if (url.startsWith("v4l2://")) {
      url = url.substring("v4l2://".length());
    }
    return new OpenRequest(
        url,
        spec.kind() == SourceKind.DEVICE ? "v4l2" : null,
        spec.ffmpegOptions(),
        spec.decoderThreads(),
        spec.sampling().mode() == SamplingPolicy.Mode.KEY_FRAMES,
        networked,
        spec.openTimeout(),
        spec.stallTimeout(),
        spec.maxImagePixels());
  }
}
