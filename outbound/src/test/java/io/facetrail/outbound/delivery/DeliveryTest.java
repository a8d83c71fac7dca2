package io.facetrail.outbound.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.outbound.SampleEvents;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A record is complete once, when the last of its targets is done with it. */
class DeliveryTest {
  private static final ConsumerRecord<byte[], byte[]> RECORD =
      new ConsumerRecord<>("t", 0, 7, new byte[] {1}, new byte[] {2});

  @Test
  void completesAfterTheLastTarget() {
    AtomicInteger completed = new AtomicInteger();
    Delivery d =
        new Delivery(
            RECORD,
            SampleEvents.event("s", "s/t", IdentityEventType.IDENTIFIED, "A", 1),
            3,
            completed::incrementAndGet);
    d.done();
    d.done();
    assertThat(completed).hasValue(0);
    d.done();
    assertThat(completed).hasValue(1);
    assertThatThrownBy(d::done).isInstanceOf(IllegalStateException.class);
    assertThat(completed).hasValue(1);
    assertThat(d.body()).containsExactly(2);
  }

  @Test
  void needsATarget() {
    assertThatThrownBy(
            () ->
                new Delivery(
                    RECORD,
                    SampleEvents.event("s", "s/t", IdentityEventType.IDENTIFIED, "A", 1),
                    0,
                    () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
