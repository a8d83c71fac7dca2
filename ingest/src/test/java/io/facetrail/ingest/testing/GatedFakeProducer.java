package io.facetrail.ingest.testing;

import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.serde.RecordSerdes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A fake producer whose {@code send} blocks until {@link #open()} is called, like a Kafka that
 * accepts nothing: it makes publishing fall behind decoding. Records are serialized (and thus
 * validated) like the real producer's and acknowledged at once after the gate opens.
 */
public final class GatedFakeProducer extends MockProducer<String, FrameRecord> {
  private final CountDownLatch gate = new CountDownLatch(1);

  public GatedFakeProducer() {
    super(true, null, new StringSerializer(), RecordSerdes.frameRecord());
  }

  /** Lets every waiting and future send through. */
  public void open() {
    gate.countDown();
  }

  @Override
  public Future<RecordMetadata> send(
      ProducerRecord<String, FrameRecord> record, Callback callback) {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.apache.kafka.common.errors.InterruptException(e);
    }
    return super.send(record, callback);
  }
}
