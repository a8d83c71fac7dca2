package io.facetrail.ingest.engine;

import io.facetrail.ingest.media.DecodeStats;
import io.facetrail.ingest.media.SourceFailure;
import io.facetrail.ingest.media.VideoInput;
import io.facetrail.ingest.source.SourceSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one stream's decoder thread, publisher thread, metrics and status share. Fields are
 * written by one thread each and read by any.
 */
final class StreamContext {
  private static final Logger log = LoggerFactory.getLogger(StreamContext.class);

  final String id;
  final SourceSpec spec;
  final DecodeStats decode = new DecodeStats();
  final FrameQueue queue;
  final AtomicLong selected = new AtomicLong();
  final AtomicLong published = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong unreadableImages = new AtomicLong();
  final AtomicLong reconnects = new AtomicLong();
  final AtomicLong gaps = new AtomicLong();
  final AtomicLong shotCuts = new AtomicLong();
  final AtomicLong shotGradual = new AtomicLong();
  final CompletableFuture<StreamOutcome> completion = new CompletableFuture<>();
  private final IngestListener listener;
  private final RateMeter decodeRate = new RateMeter(System.nanoTime());
  private volatile StreamState state = StreamState.CONNECTING;
  private volatile String detail = "";
  private volatile long lastFrameNanos;
  private volatile long mediaPositionUs;
  private volatile long durationUs = -1;
  private volatile boolean stopRequested;
  private volatile String publishFailure;
  private volatile VideoInput currentInput;
  private volatile Thread decoderThread;
  private volatile StreamOutcome decoderOutcome;
  private volatile StreamGap lastGap;

  StreamContext(String id, SourceSpec spec, IngestListener listener) {
    this.id = id;
    this.spec = spec;
    this.listener = listener;
    this.queue = new FrameQueue(spec.queueCapacity(), spec.live());
  }

  StreamCounts counts() {
    return new StreamCounts(
        decode.framesDecoded(),
        decode.framesSkipped(),
        selected.get(),
        published.get(),
        dropped.get(),
        decode.framesLostToCorruption() + unreadableImages.get(),
        decode.readErrors(),
        reconnects.get(),
        gaps.get());
  }

  StreamStatus status() {
    long last = lastFrameNanos;
    long now = System.nanoTime();
    return new StreamStatus(
        id,
        spec.displayName(),
        spec.live(),
        state,
        counts(),
        decodeFps(),
        last == 0 ? null : Duration.ofNanos(now - last),
        mediaPositionUs,
        durationUs,
        detail,
        lastGap);
  }

  double decodeFps() {
    return decodeRate.rate(decode.framesDecoded(), System.nanoTime());
  }

  /** Seconds since the last decoded frame, NaN before the first. */
  double lastFrameAgeSeconds() {
    long last = lastFrameNanos;
    return last == 0 ? Double.NaN : (System.nanoTime() - last) / 1e9;
  }

  StreamState state() {
    return state;
  }

  void state(StreamState s, String why) {
    this.state = s;
    this.detail = why == null ? "" : why;
  }

  void frameDecoded(long mediaTimeUs) {
    lastFrameNanos = System.nanoTime();
    mediaPositionUs = mediaTimeUs;
  }

  /** A live source delivers frames again after {@code gap}. */
  void gapEnded(StreamGap gap) {
    lastGap = gap;
    gaps.incrementAndGet();
  }

  void duration(long us) {
    this.durationUs = us;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  /** Asks the stream to stop: aborts blocking reads, waits and back-off sleeps. */
  void requestStop() {
    stopRequested = true;
    VideoInput input = currentInput;
    if (input != null) {
      input.stop();
    }
    Thread t = decoderThread;
    if (t != null) {
      t.interrupt();
    }
  }

  void decoderThread(Thread t) {
    this.decoderThread = t;
  }

  void currentInput(VideoInput input) {
    this.currentInput = input;
    if (input != null && stopRequested) {
      input.stop();
    }
  }

  String publishFailure() {
    return publishFailure;
  }

  /** Publishing failed for good: the stream stops and ends as failed with this cause. */
  void failPublishing(String cause) {
    if (publishFailure == null) {
      publishFailure = cause;
      log.error("Stream '{}': {}", id, cause);
    }
    queue.clear();
    requestStop();
  }

  /** The decoder's verdict; the publisher reads it once the queue is drained. */
  void decoderEnded(EndReason reason, String why, SourceFailure.Kind kind) {
    decoderOutcome = new StreamOutcome(id, reason, why, kind, null);
    queue.close();
  }

  StreamOutcome decoderOutcome() {
    return decoderOutcome;
  }

  void notifyListener(java.util.function.Consumer<IngestListener> event) {
    try {
      event.accept(listener);
    } catch (RuntimeException e) {
      log.warn("Ingest listener failed on stream '{}'", id, e);
    }
  }
}
