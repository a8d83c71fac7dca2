package io.facetrail.matcher.stream;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.matcher.archive.Redecider;
import io.facetrail.matcher.archive.RedecisionRunner;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.runtime.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The matcher service's re-decision of its archive after each gallery change, publishing the
 * retroactive events to the identity topic with a producer of its own (they come from outside the
 * Streams transaction: each event id follows from the track and the decision's revision, so a
 * repeat after a failure is de-duplicated by consumers as a replay is).
 */
final class RetroactivePublishing implements AutoCloseable {
  private final KafkaProducer<String, IdentityEvent> producer;
  private final RedecisionRunner runner;

  private RetroactivePublishing(
      KafkaProducer<String, IdentityEvent> producer, RedecisionRunner runner) {
    this.producer = producer;
    this.runner = runner;
  }

  /** Starts following {@code wiring}'s gallery changes; its archive must be present. */
  static RetroactivePublishing start(
      MatcherConfig config,
      MatcherWiring wiring,
      Thresholds thresholds,
      Clock clock,
      MeterRegistry registry) {
    Topic<String, IdentityEvent> topic = config.kafka().topics().identity();
    KafkaProducer<String, IdentityEvent> producer =
        new KafkaProducer<>(
            KafkaClients.producer(config.kafka(), config.applicationId() + "-retroactive"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer());
    RedecisionRunner runner =
        new RedecisionRunner(
            wiring.archive().orElseThrow(),
            wiring.gallery(),
            wiring.index(),
            new Redecider(
                new DecisionPolicy(config.decision()), thresholds, config.gallery().search()),
            events -> send(producer, topic.name(), events),
            changes -> wiring.dependencies().clusters().ifPresent(c -> c.redecided(changes)),
            clock,
            registry);
    wiring.sync().listen(runner::changed);
    return new RetroactivePublishing(producer, runner);
  }

  private static void send(
      KafkaProducer<String, IdentityEvent> producer, String topic, List<IdentityEvent> events) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (IdentityEvent e : events) {
      sent.add(producer.send(new ProducerRecord<>(topic, e.trackId(), e)));
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing retroactive events", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "publishing retroactive events failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    runner.close();
    producer.close();
  }
}
