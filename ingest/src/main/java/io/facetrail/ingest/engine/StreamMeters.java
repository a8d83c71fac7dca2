package io.facetrail.ingest.engine;

import io.facetrail.ingest.media.SourceFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * A stream's meters, tagged {@code stream=<id>}. Counters read the stream's own atomic counters, so
 * the hot path never touches Micrometer.
 */
final class StreamMeters {
  static final String PREFIX = "facetrail.ingest.";

  private final MeterRegistry registry;
  private final Tags tags;
  private final Timer gaps;

  private StreamMeters(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
    this.gaps =
        Timer.builder(PREFIX + "gap")
            .description(
                "Interruptions of a live source, from the last frame before to the first after")
            .tags(tags)
            .register(registry);
  }

  static StreamMeters bind(MeterRegistry registry, StreamContext s) {
    Tags tags = Tags.of("stream", s.id);
    counter(registry, tags, s, "frames.decoded", "Frames decoded", c -> c.decode.framesDecoded());
    counter(
        registry,
        tags,
        s,
        "frames.skipped",
        "Non-reference frames left undecoded because sampling would not select them",
        c -> c.decode.framesSkipped());
    counter(
        registry, tags, s, "frames.selected", "Frames selected by sampling", c -> c.selected.get());
    counter(
        registry,
        tags,
        s,
        "frames.published",
        "Frames acknowledged by Kafka",
        c -> c.published.get());
    counter(
        registry,
        tags,
        s,
        "frames.dropped",
        "Frames a live source dropped (publishing behind)",
        c -> c.dropped.get());
    counter(
        registry,
        tags,
        s,
        "frames.corrupt",
        "Frames lost to corrupt data",
        c -> c.decode.framesLostToCorruption() + c.unreadableImages.get());
    counter(
        registry,
        tags,
        s,
        "read.errors",
        "Failed reads skipped in files",
        c -> c.decode.readErrors());
    counter(registry, tags, s, "reconnects", "Reconnection attempts", c -> c.reconnects.get());
    FunctionCounter.builder(PREFIX + "shot.changes", s, c -> c.shotCuts.get())
        .description("Shot boundaries found in the decoded frames (cuts, fades, dissolves)")
        .tags(tags.and("kind", "cut"))
        .register(registry);
    FunctionCounter.builder(PREFIX + "shot.changes", s, c -> c.shotGradual.get())
        .description("Shot boundaries found in the decoded frames (cuts, fades, dissolves)")
        .tags(tags.and("kind", "gradual"))
        .register(registry);
    gauge(registry, tags, s, "decode.fps", "Frames decoded per second", StreamContext::decodeFps);
    gauge(
        registry,
        tags,
        s,
        "last.frame.age.seconds",
        "Seconds since the last decoded frame",
        StreamContext::lastFrameAgeSeconds);
    gauge(registry, tags, s, "queue.frames", "Frames waiting to be published", c -> c.queue.size());
    gauge(
        registry,
        tags,
        s,
        "up",
        "1 while the stream decodes, else 0",
        c -> c.state() == StreamState.RUNNING ? 1 : 0);
    StreamMeters meters = new StreamMeters(registry, tags);
    // Every kind at 0 from the stream's start, so that increase() sees the first error.
    for (SourceFailure.Kind kind : SourceFailure.Kind.values()) {
      meters.errors(kind.tag());
    }
    meters.errors("publish");
    return meters;
  }

  private Counter errors(String kind) {
    return Counter.builder(PREFIX + "errors")
        .description("Failures of the stream's input or of publishing to Kafka, by kind")
        .tags(tags.and("kind", kind))
        .register(registry);
  }

  /** Counts one failure of the input, tagged with its kind. */
  void failure(SourceFailure.Kind kind) {
    errors(kind.tag()).increment();
  }

  /** Records an interruption that frames came back from. */
  void gap(Duration length) {
    gaps.record(length);
  }

  /** Counts a failure to publish to Kafka. */
  void publishFailure() {
    errors("publish").increment();
  }

  private static void counter(
      MeterRegistry r,
      Tags tags,
      StreamContext s,
      String name,
      String description,
      ToDoubleFunction<StreamContext> f) {
    FunctionCounter.builder(PREFIX + name, s, f).description(description).tags(tags).register(r);
  }

  private static void gauge(
      MeterRegistry r,
      Tags tags,
      StreamContext s,
      String name,
      String description,
      ToDoubleFunction<StreamContext> f) {
    Gauge.builder(PREFIX + name, s, f).description(description).tags(tags).register(r);
  }
}
