package io.facetrail.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.facetrail.contracts.deadletter.DeadLetter;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.metrics.ServiceMetrics;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Dead letters are logged by error class, topic, partition and offset; the error's message, which
 * may quote the record, reaches the dead letter's headers but never the log.
 */
class DeadLetterLogTest {
  private static final String MARKER = "MARKER-Jane-Doe-0x46ff";

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final List<Logger> loggers =
      List.of(
          (Logger) LoggerFactory.getLogger(DeadLetterPublisher.class),
          (Logger) LoggerFactory.getLogger(StreamsDeadLetters.class));

  @BeforeEach
  void capture() {
    appender.start();
    loggers.forEach(l -> l.addAppender(appender));
  }

  @AfterEach
  void release() {
    loggers.forEach(l -> l.detachAppender(appender));
  }

  private String logged() {
    StringBuilder sb = new StringBuilder();
    for (ILoggingEvent e : appender.list) {
      sb.append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        sb.append(e.getThrowableProxy().getMessage()).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void thePublisherLogsNoErrorMessage() {
    TopicRegistry topics = TopicRegistry.withDefaultPrefix();
    DeadLetterPublisher publisher =
        new DeadLetterPublisher(
            Stage.EMBEDDER, topics, ServiceMetrics.create("t"), Clock.systemUTC());
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(
            "facetrail.frames.v1", 2, 417L, bytes("cam1"), bytes("payload " + MARKER));

    publisher.publish(producer, record, new IllegalArgumentException("bad frame: " + MARKER));

    String log = logged();
    assertThat(log)
        .contains("facetrail.frames.v1-2@417")
        .contains(IllegalArgumentException.class.getName())
        .doesNotContain(MARKER);
    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(DeadLetter.fromHeaders(sent.headers()).orElseThrow().errorMessage())
        .as("the message still travels with the dead letter")
        .contains(MARKER);
  }

  @Test
  void theStreamsHandlersLogNoErrorMessage() {
    StreamsDeadLetters letters =
        StreamsDeadLetters.from(
            StreamsDeadLetters.properties(
                Stage.TRACKER, "facetrail.dlq.tracker.v1", Map.of(), ServiceMetrics.create("t")));

    letters.record(
        context("facetrail.faces.v1", 3, 99L),
        bytes("cam1"),
        bytes(MARKER),
        new RecordHeaders(),
        new IllegalStateException("cannot decode " + MARKER));

    assertThat(logged())
        .contains("facetrail.faces.v1-3@99")
        .contains(IllegalStateException.class.getName())
        .doesNotContain(MARKER);
  }

  /** A handler context that knows where the record came from (all the dead letter needs). */
  private static ErrorHandlerContext context(String topic, int partition, long offset) {
    return (ErrorHandlerContext)
        Proxy.newProxyInstance(
            ErrorHandlerContext.class.getClassLoader(),
            new Class<?>[] {ErrorHandlerContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "topic" -> topic;
                  case "partition" -> partition;
                  case "offset" -> offset;
                  case "headers" -> new RecordHeaders();
                  default ->
                      throw new UnsupportedOperationException("not needed: " + method.getName());
                });
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
