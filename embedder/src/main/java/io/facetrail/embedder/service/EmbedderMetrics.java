package io.facetrail.embedder.service;

import io.facetrail.embedder.analyze.AnalyzedBatch;
import io.facetrail.embedder.worker.WorkerObserver;
import io.facetrail.faces.pipeline.StageTimings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The embedder's meters (names start with {@code facetrail.embedder.}). */
public final class EmbedderMetrics implements WorkerObserver {
  private final MeterRegistry registry;
  private final DistributionSummary batchSize;
  private final Timer batchLatency;
  private final Timer decode;
  private final Timer detect;
  private final Timer landmarks;
  private final Timer align;
  private final Timer embed;
  private final Counter faces;
  private final Counter modelFailures;
  private final AtomicInteger queueDepth = new AtomicInteger();
  private final AtomicInteger workerFailed = new AtomicInteger();
  private final Counter committed;
  private final Counter aborted;

  /** What becomes of a consumed frame record. */
  public static final List<String> FRAME_OUTCOMES =
      List.of("analyzed", "undecodable", "malformed", "end_of_stream");

  public EmbedderMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.batchSize =
        DistributionSummary.builder("facetrail.embedder.batch.size")
            .description("Frames per model batch")
            .publishPercentileHistogram()
            .minimumExpectedValue(1.0)
            .maximumExpectedValue(256.0)
            .register(registry);
    this.batchLatency = latency("facetrail.embedder.batch.latency", "Model time per batch", null);
    this.decode =
        latency("facetrail.embedder.stage.latency", "Model time per batch and stage", "decode");
    this.detect =
        latency("facetrail.embedder.stage.latency", "Model time per batch and stage", "detect");
    this.landmarks =
        latency("facetrail.embedder.stage.latency", "Model time per batch and stage", "landmarks");
    this.align =
        latency("facetrail.embedder.stage.latency", "Model time per batch and stage", "align");
    this.embed =
        latency("facetrail.embedder.stage.latency", "Model time per batch and stage", "embed");
    this.faces =
        Counter.builder("facetrail.embedder.faces")
            .description("Faces found and embedded")
            .register(registry);
    this.modelFailures =
        Counter.builder("facetrail.embedder.model.failures")
            .description("Failed attempts at a batch (retried)")
            .register(registry);
    Gauge.builder("facetrail.embedder.queue.depth", queueDepth, AtomicInteger::get)
        .description("Batches waiting in front of the model worker")
        .register(registry);
    Gauge.builder("facetrail.embedder.worker.failed", workerFailed, AtomicInteger::get)
        .description("1 once the model worker has failed for good (the service then stops)")
        .register(registry);
    // Present from the start at 0, so that increase() over them sees the first event.
    for (String outcome : FRAME_OUTCOMES) {
      frameCounter(outcome);
    }
    committed = transactions("committed");
    aborted = transactions("aborted");
  }

  private Counter frameCounter(String outcome) {
    return Counter.builder("facetrail.embedder.frames")
        .description("Frames consumed, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter transactions(String result) {
    return Counter.builder("facetrail.embedder.transactions")
        .description("Transactions of the consume-transform-produce loops, by result")
        .tag("result", result)
        .register(registry);
  }

  private Timer latency(String name, String description, String stage) {
    Timer.Builder b =
        Timer.builder(name)
            .description(description)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30));
    if (stage != null) {
      b.tag("stage", stage);
    }
    return b.register(registry);
  }

  /** Counts frames by what became of them (one of {@link #FRAME_OUTCOMES}). */
  public void frames(String outcome, int count) {
    if (count > 0) {
      frameCounter(outcome).increment(count);
    }
  }

  /** Counts committed transactions. */
  public void transactionCommitted() {
    committed.increment();
  }

  /** Counts aborted transactions (their records are processed again). */
  public void transactionAborted() {
    aborted.increment();
  }

  @Override
  public void batchDone(int frames, long nanos, AnalyzedBatch batch) {
    batchSize.record(frames);
    batchLatency.record(nanos, TimeUnit.NANOSECONDS);
    faces.increment(batch.faceCount());
    StageTimings t = batch.timings();
    decode.record(t.decodeNanos(), TimeUnit.NANOSECONDS);
    detect.record(t.detectNanos(), TimeUnit.NANOSECONDS);
    landmarks.record(t.landmarkNanos(), TimeUnit.NANOSECONDS);
    align.record(t.alignNanos(), TimeUnit.NANOSECONDS);
    embed.record(t.embedNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void queueDepth(int depth) {
    queueDepth.set(depth);
  }

  @Override
  public void modelFailure() {
    modelFailures.increment();
  }

  @Override
  public void failed() {
    workerFailed.set(1);
  }
}
