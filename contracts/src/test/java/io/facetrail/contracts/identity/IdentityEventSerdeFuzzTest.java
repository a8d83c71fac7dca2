package io.facetrail.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.facetrail.contracts.serde.MalformedRecordException;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes read as an identity event (the identity topic, JSON): an event that decodes must
 * be publishable again and read back equal; anything else is refused with {@link
 * MalformedRecordException}. Seeds: {@code IdentityEventSerdeFuzzTestInputs}.
 */
class IdentityEventSerdeFuzzTest {
  private final IdentityEventSerde serde = new IdentityEventSerde();

  @Timeout(10)
  @FuzzTest
  void decodesOrRefuses(byte[] bytes) {
    IdentityEvent event;
    try {
      event = serde.deserialize("fuzz", bytes);
    } catch (MalformedRecordException e) {
      assertThat(e.recordType()).isEqualTo("IdentityEvent");
      return;
    }
    byte[] again = serde.serialize("fuzz", event);
    assertThat(serde.deserialize("fuzz", again)).isEqualTo(event);
  }
}
