package io.facetrail.contracts.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.topic.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
  @Test
  void recordKeepsOriginalBytesAndHeadersAndAddsDiagnostics() {
    RecordHeaders original = new RecordHeaders();
    original.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
    Instant now = Instant.parse("2026-11-28T10:00:00Z");
    DeadLetter letter =
        DeadLetter.of(
            Stage.EMBEDDER,
            "facetrail.frames.v1",
            3,
            42,
            new IllegalStateException("bad frame", new RuntimeException("root cause")),
            now);
    byte[] key = {1};
    byte[] value = {2, 3};
    ProducerRecord<byte[], byte[]> r = letter.toRecord("dlq", key, value, original);
    assertThat(r.topic()).isEqualTo("dlq");
    assertThat(r.key()).isSameAs(key);
    assertThat(r.value()).isSameAs(value);
    assertThat(r.headers().lastHeader("trace").value())
        .isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
    DeadLetter back = DeadLetter.fromHeaders(r.headers()).orElseThrow();
    assertThat(back.stage()).isEqualTo(Stage.EMBEDDER);
    assertThat(back.sourceTopic()).isEqualTo("facetrail.frames.v1");
    assertThat(back.sourcePartition()).isEqualTo(3);
    assertThat(back.sourceOffset()).isEqualTo(42);
    assertThat(back.errorClass()).isEqualTo(IllegalStateException.class.getName());
    assertThat(back.errorMessage()).contains("bad frame").contains("root cause");
    assertThat(back.time()).isEqualTo(now);
  }

  @Test
  void deadLettersOfDeadLettersDoNotStackHeaders() {
    DeadLetter first =
        DeadLetter.of(Stage.TRACKER, "a", 0, 1, new RuntimeException("x"), Instant.EPOCH);
    ProducerRecord<byte[], byte[]> once = first.toRecord("dlq", null, new byte[0], null);
    DeadLetter second =
        DeadLetter.of(Stage.MATCHER, "b", 1, 2, new RuntimeException("y"), Instant.EPOCH);
    ProducerRecord<byte[], byte[]> twice =
        second.toRecord("dlq2", null, new byte[0], once.headers());
    int count = 0;
    for (var h : twice.headers().headers(DeadLetter.HEADER_STAGE)) {
      count++;
      assertThat(new String(h.value(), StandardCharsets.UTF_8)).isEqualTo("matcher");
    }
    assertThat(count).isEqualTo(1);
  }

  @Test
  void longMessagesAreCut() {
    String huge = "x".repeat(10_000);
    DeadLetter letter =
        DeadLetter.of(Stage.INGEST, "t", 0, 0, new RuntimeException(huge), Instant.EPOCH);
    assertThat(letter.errorMessage()).hasSize(DeadLetter.MAX_MESSAGE_CHARS).endsWith("...");
  }

  @Test
  void aCutMessageReadsBackUnchangedEvenWhenTheCutFallsInAnEmoji() {
    String emoji = "\uD83D\uDE00";
    String message = "a".repeat(DeadLetter.MAX_MESSAGE_CHARS - 4) + emoji.repeat(3);
    DeadLetter letter =
        DeadLetter.of(Stage.INGEST, "t", 0, 0, new RuntimeException(message), Instant.EPOCH);
    assertThat(letter.errorMessage()).endsWith("a...").hasSize(DeadLetter.MAX_MESSAGE_CHARS - 1);
    RecordHeaders headers = new RecordHeaders();
    letter.addTo(headers);
    assertThat(DeadLetter.fromHeaders(headers)).contains(letter);
  }

  @Test
  void foreignHeadersAreNotADeadLetter() {
    assertThat(DeadLetter.fromHeaders(new RecordHeaders())).isEmpty();
  }
}
