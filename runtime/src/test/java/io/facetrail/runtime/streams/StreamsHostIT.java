package io.facetrail.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host against a real broker: ready after start, a thread that fails once is replaced and the
 * record it failed on is processed once, threads that keep failing stop the client and turn the
 * service not live, and a start that cannot succeed ends in a clear error.
 */
class StreamsHostIT {
  private static EmbeddedKafkaBroker broker;

  @TempDir Path dir;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String in = "host-in-" + run;
  private final String out = "host-out-" + run;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.startEphemeral();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private KafkaSettings kafka() {
    return KafkaSettings.local(broker.bootstrapServers(), "facetrail.");
  }

  private void createTopics() throws Exception {
    try (Admin admin = Admin.create(KafkaClients.admin(kafka(), "host-it"))) {
      admin
          .createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  /** Upper-cases every value; {@code failures} decides, per record, whether to throw instead. */
  private Topology topology(FailureRule failures) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
        .process(() -> new Upper(failures))
        .to(out, Produced.with(Serdes.String(), Serdes.String()));
    return builder.build();
  }

  private Map<String, Object> properties(String appId) {
    Map<String, Object> p = KafkaClients.streams(kafka(), appId, dir.resolve("state").toString());
    // A replaced thread's consumer does not leave the group (Streams keeps members on close): its
    // partitions move after the session timeout, 45 s by default.
    p.put("main.consumer.session.timeout.ms", 6000);
    p.put("main.consumer.heartbeat.interval.ms", 1000);
    return p;
  }

  private void send(String... values) {
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            KafkaClients.producer(kafka(), "host-it-producer"),
            new StringSerializer(),
            new StringSerializer())) {
      for (String v : values) {
        p.send(new ProducerRecord<>(in, "k", v));
      }
      p.flush();
    }
  }

  private List<String> read(int count, Duration timeout) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(
            KafkaClients.consumer(kafka(), "host-it-reader-" + run, "host-it-reader"),
            new StringDeserializer(),
            new StringDeserializer())) {
      c.subscribe(List.of(out));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (values.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
      // Anything more (a duplicate) would arrive with the last commit: wait a moment longer.
      for (ConsumerRecord<String, String> r : c.poll(Duration.ofSeconds(2))) {
        values.add(r.value());
      }
    }
    return values;
  }

  @Test
  void aThreadThatFailsOnceIsReplacedAndItsRecordProcessedOnce() throws Exception {
    createTopics();
    AtomicInteger thrown = new AtomicInteger();
    FailureRule onceOnBoom = value -> value.equals("boom") && thrown.getAndIncrement() == 0;
    Health health = new Health();
    try (StreamsHost host =
        StreamsHost.builder("once", topology(onceOnBoom), properties("host-once-" + run))
            .health(health)
            .start(Duration.ofMinutes(1))) {
      assertThat(host.isReady()).isTrue();
      assertThat(health.readiness().get(StreamsHost.READINESS_CHECK).up()).isTrue();

      send("a", "boom", "c");

      assertThat(read(3, Duration.ofSeconds(60))).containsExactly("A", "BOOM", "C");
      assertThat(thrown.get()).as("the processor threw, then saw the record again").isEqualTo(2);
      await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(host::isReady);
      assertThat(host.failed()).isFalse();
      assertThat(health.isLive()).isTrue();
    }
  }

  @Test
  void threadsThatKeepFailingStopTheClientAndTheServiceIsNotLive() throws Exception {
    createTopics();
    Health health = new Health();
    FailureRule always = value -> true;
    try (StreamsHost host =
        StreamsHost.builder("always", topology(always), properties("host-always-" + run))
            .health(health)
            .start(Duration.ofMinutes(1))) {
      send("x");

      await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(2)).until(host::failed);
      host.awaitStopped();
      assertThat(host.isReady()).isFalse();
      assertThat(health.isLive()).isFalse();
      assertThat(health.readiness().get(StreamsHost.READINESS_CHECK).up()).isFalse();
    }
  }

  @Test
  void aStateDirectoryThatCannotBeCreatedIsAClearError() throws Exception {
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "a file where the state directory should be");
    Map<String, Object> props =
        KafkaClients.streams(kafka(), "host-blocked-" + run, blocked.resolve("state").toString());
    assertThatThrownBy(
            () ->
                StreamsHost.builder("blocked", topology(value -> false), props)
                    .start(Duration.ofSeconds(10)))
        .isInstanceOf(StreamsStartException.class)
        .hasMessageContaining("blocked streams: cannot create the state directory");
  }

  @Test
  void anApplicationNotReadyInTimeIsClosedAndNamed() {
    // Nothing listens on port 1: the client stays in its first rebalance.
    Map<String, Object> props =
        KafkaClients.streams(
            KafkaSettings.local("127.0.0.1:1", "facetrail."),
            "host-unreachable-" + run,
            dir.resolve("state").toString());
    assertThatThrownBy(
            () ->
                StreamsHost.builder("unreachable", topology(value -> false), props)
                    .start(Duration.ofSeconds(2)))
        .isInstanceOf(StreamsStartException.class)
        .hasMessageContaining("unreachable streams not ready within PT2S");
  }

  /** Whether the processor throws on a value. */
  @FunctionalInterface
  private interface FailureRule {
    boolean failsOn(String value);
  }

  private static final class Upper implements Processor<String, String, String, String> {
    private final FailureRule failures;
    private ProcessorContext<String, String> context;

    Upper(FailureRule failures) {
      this.failures = failures;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
      if (failures.failsOn(record.value())) {
        throw new IllegalStateException("failing on purpose on " + record.value());
      }
      context.forward(record.withValue(record.value().toUpperCase(java.util.Locale.ROOT)));
    }
  }
}
