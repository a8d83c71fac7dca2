package io.facetrail.contracts.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary headers read as dead-letter headers: {@link DeadLetter#fromHeaders} never throws (it
 * answers empty for headers it did not write), and a dead letter it reads is written back and read
 * again unchanged, alone and on a dead-letter record that keeps the original headers.
 *
 * <p>An input is header lines: {@code name=value}, one per line; the value is raw bytes, and a line
 * without {@code =} is a header with a null value. Seeds: {@code DeadLetterHeadersFuzzTestInputs}.
 */
class DeadLetterHeadersFuzzTest {
  @Timeout(10)
  @FuzzTest
  void readsOrIgnores(byte[] bytes) {
    Headers headers = headers(bytes);
    Optional<DeadLetter> read = DeadLetter.fromHeaders(headers);
    if (read.isEmpty()) {
      return;
    }
    DeadLetter letter = read.get();
    RecordHeaders written = new RecordHeaders();
    letter.addTo(written);
    assertThat(DeadLetter.fromHeaders(written)).contains(letter);

    ProducerRecord<byte[], byte[]> record =
        letter.toRecord("facetrail.dlq.fuzz", new byte[] {1}, bytes, headers);
    assertThat(DeadLetter.fromHeaders(record.headers())).contains(letter);
  }

  /** The header lines of an input (see the class comment). */
  static Headers headers(byte[] bytes) {
    RecordHeaders headers = new RecordHeaders();
    int start = 0;
    while (start <= bytes.length) {
      int end = indexOf(bytes, (byte) '\n', start);
      byte[] line = Arrays.copyOfRange(bytes, start, end);
      int eq = indexOf(line, (byte) '=', 0);
      String name = new String(line, 0, eq, StandardCharsets.UTF_8);
      headers.add(name, eq == line.length ? null : Arrays.copyOfRange(line, eq + 1, line.length));
      start = end + 1;
    }
    return headers;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return bytes.length;
  }
}
