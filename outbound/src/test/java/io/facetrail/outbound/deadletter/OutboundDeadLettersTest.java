package io.facetrail.outbound.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.deadletter.DeadLetter;
import io.facetrail.outbound.webhook.WebhookStatusException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The dead-letter record: original bytes and headers, where it came from, which target and why. */
class OutboundDeadLettersTest {
  @Test
  void keepsTheRecordAndSaysWhichTargetFailedHowOften() {
    ConsumerRecord<byte[], byte[]> source =
        new ConsumerRecord<>(
            "facetrail.identity.v1",
            2,
            41,
            "lobby/t1".getBytes(StandardCharsets.UTF_8),
            "{\"event\":1}".getBytes(StandardCharsets.UTF_8));
    source.headers().add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
    source.headers().add("facetrail.outbound.status", "stale".getBytes(StandardCharsets.UTF_8));
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    OutboundDeadLetters letters = new OutboundDeadLetters(null, "facetrail.dlq.outbound.v1", clock);

    ProducerRecord<byte[], byte[]> out =
        letters.toRecord(
            source,
            new FailedDelivery(
                "webhook-1", "vms.example:8443", "503", 8, new WebhookStatusException(503)));

    assertThat(out.topic()).isEqualTo("facetrail.dlq.outbound.v1");
    assertThat(out.key()).isEqualTo(source.key());
    assertThat(out.value()).isEqualTo(source.value());
    Map<String, String> headers = new HashMap<>();
    for (Header h : out.headers()) {
      assertThat(headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)))
          .as("header %s once", h.key())
          .isNull();
    }
    assertThat(headers)
        .containsEntry("traceparent", "00-abc")
        .containsEntry(DeadLetter.HEADER_STAGE, "outbound")
        .containsEntry(DeadLetter.HEADER_SOURCE_TOPIC, "facetrail.identity.v1")
        .containsEntry(DeadLetter.HEADER_SOURCE_PARTITION, "2")
        .containsEntry(DeadLetter.HEADER_SOURCE_OFFSET, "41")
        .containsEntry(DeadLetter.HEADER_TIME, "2026-12-07T12:00:00Z")
        .containsEntry(DeadLetter.HEADER_ERROR_CLASS, WebhookStatusException.class.getName())
        .containsEntry(DeadLetter.HEADER_ERROR_MESSAGE, "HTTP 503")
        .containsEntry(OutboundDeadLetters.HEADER_TARGET, "webhook-1")
        .containsEntry(OutboundDeadLetters.HEADER_HOST, "vms.example:8443")
        .containsEntry(OutboundDeadLetters.HEADER_STATUS, "503")
        .containsEntry(OutboundDeadLetters.HEADER_ATTEMPTS, "8");
  }
}
