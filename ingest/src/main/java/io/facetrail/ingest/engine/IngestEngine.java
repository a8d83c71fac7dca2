package io.facetrail.ingest.engine;

import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.ingest.source.InputNames;
import io.facetrail.ingest.source.SourceKind;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes many sources concurrently into the frames topic. Each stream runs on two threads of its
 * own (decoding, publishing) joined by a bounded queue, so one broken or slow source never holds up
 * the others; all streams share one idempotent Kafka producer.
 *
 * <pre>{@code
 * try (IngestEngine engine = IngestEngine.builder().setKafka(settings).build()) {
 *   StreamHandle h = engine.start(SourceSpec.builder("video.mp4").build());
 *   StreamOutcome outcome = h.completion().join();
 * }
 * }</pre>
 */
public final class IngestEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestEngine.class);

  private final Producer<String, FrameRecord> producer;
  private final boolean ownsProducer;
  private final String topic;
  private final MeterRegistry registry;
  private final IngestListener listener;
  private final Map<String, StreamContext> streams = new LinkedHashMap<>();
  private boolean closed;

  private IngestEngine(Builder b) {
    this.producer = b.producer;
    this.ownsProducer = b.ownsProducer;
    this.topic = b.topic;
    this.registry = b.registry;
    this.listener = b.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The frames topic this engine publishes to. */
  public String topic() {
    return topic;
  }

  /**
   * Starts a stream. Without an explicit id, one is derived from the input ({@link
   * InputNames#streamIdFor}), with {@code -2}, {@code -3}... appended when this engine already has
   * that id.
   *
   * @throws IllegalArgumentException when the explicit id is already used in this engine
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized StreamHandle start(SourceSpec spec) {
    if (closed) {
      throw new IllegalStateException("the ingest engine is closed");
    }
    String id =
        spec.streamId() != null ? spec.streamId() : uniqueId(InputNames.streamIdFor(spec.input()));
    if (streams.containsKey(id)) {
      throw new IllegalArgumentException("stream id '" + id + "' is already used by this engine");
    }
    StreamContext context = new StreamContext(id, spec.withStreamId(id), listener);
    StreamMeters meters = StreamMeters.bind(registry, context);
    streams.put(id, context);
    Runnable decoder =
        spec.kind() == SourceKind.IMAGE_FOLDER
            ? new ImageFolderWorker(context, meters)
            : new VideoStreamWorker(context, meters);
    thread("ingest-decode-" + id, decoder).start();
    thread("ingest-publish-" + id, new FramePublisher(context, producer, topic, meters)).start();
    log.info(
        "Stream '{}' started: {} ({}, {}, {})",
        id,
        spec.displayName(),
        spec.kind().name().toLowerCase(java.util.Locale.ROOT),
        spec.live() ? "live" : "not live",
        spec.sampling());
    return new StreamHandle(context);
  }

  private String uniqueId(String base) {
    if (!streams.containsKey(base)) {
      return base;
    }
    for (int i = 2; ; i++) {
      String candidate = base + "-" + i;
      if (!streams.containsKey(candidate)) {
        return candidate;
      }
    }
  }

  private static Thread thread(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Every stream started so far, ended ones included, in start order. */
  public synchronized List<StreamHandle> streams() {
    List<StreamHandle> out = new ArrayList<>();
    streams.values().forEach(c -> out.add(new StreamHandle(c)));
    return out;
  }

  /** Completes when every stream started so far has ended. */
  public synchronized CompletableFuture<Void> allEnded() {
    return CompletableFuture.allOf(
        streams.values().stream().map(c -> c.completion).toArray(CompletableFuture[]::new));
  }

  /**
   * Stops every stream, waits up to 30 s for their end-of-stream records, and closes the producer
   * if this engine created it.
   */
  @Override
  public void close() {
    CompletableFuture<Void> ended;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      streams.values().forEach(StreamContext::requestStop);
      ended = allEnded();
    }
    try {
      ended.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      log.warn("Some streams did not end within 30 s of the shutdown");
    }
    if (ownsProducer) {
      producer.close(Duration.ofSeconds(10));
    }
  }

  /** Configures an {@link IngestEngine}. */
  public static final class Builder {
    private Producer<String, FrameRecord> producer;
    private boolean ownsProducer;
    private String topic;
    private MeterRegistry registry = new SimpleMeterRegistry();
    private IngestListener listener = new IngestListener() {};

    private Builder() {}

    /** Publishes through a producer this engine creates (and closes) from {@code settings}. */
    public Builder setKafka(KafkaSettings settings) {
      Topic<String, FrameRecord> frames = settings.topics().frames();
      this.producer =
          new KafkaProducer<>(
              KafkaClients.producer(settings, "facetrail-ingest"),
              frames.keySerde().serializer(),
              frames.valueSerde().serializer());
      this.ownsProducer = true;
      this.topic = frames.name();
      return this;
    }

    /**
     * Publishes through a producer the caller owns (and closes after the engine). It must be
     * idempotent with {@code acks=all}, as {@link KafkaClients#producer} configures it.
     */
    public Builder setProducer(Producer<String, FrameRecord> producer, String topic) {
      this.producer = Objects.requireNonNull(producer, "producer");
      this.topic = Objects.requireNonNull(topic, "topic");
      this.ownsProducer = false;
      return this;
    }

    /** Where the per-stream meters go (default: a private registry). */
    public Builder optMeterRegistry(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    public Builder optListener(IngestListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public IngestEngine build() {
      if (producer == null) {
        throw new IllegalStateException("set the Kafka settings or a producer");
      }
      return new IngestEngine(this);
    }
  }
}
