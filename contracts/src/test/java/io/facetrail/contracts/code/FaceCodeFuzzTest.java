package io.facetrail.contracts.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.serde.MalformedRecordException;
import io.facetrail.contracts.serde.RecordSamples;
import io.facetrail.contracts.serde.RecordSerdes;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes as the 128-byte face code of a record. A code the contract accepts (the serde
 * publishes it and reads it back) must be one every consumer can use the way the tracker and the
 * matcher do, {@code normalise(dequantise(code))}, and must survive dequantise and quantise
 * unchanged; a code that cannot must be refused by the serde ({@link MalformedRecordException}),
 * not by the consumer. Seeds: {@code FaceCodeFuzzTestInputs}.
 */
class FaceCodeFuzzTest {
  @Timeout(10)
  @FuzzTest
  void acceptedCodesAreUsable(byte[] code) {
    TrackEvent sample = RecordSamples.trackObservation();
    TrackEvent event =
        sample.toBuilder()
            .setObservation(sample.getObservation().toBuilder().setCode(ByteString.copyFrom(code)))
            .build();
    byte[] bytes;
    try {
      bytes = RecordSerdes.trackEvent().serialize("fuzz", event);
    } catch (MalformedRecordException e) {
      return;
    }
    byte[] read =
        RecordSerdes.trackEvent()
            .deserialize("fuzz", bytes)
            .getObservation()
            .getCode()
            .toByteArray();
    assertThat(read).isEqualTo(code);
    float[] embedding = FaceCode.dequantise(read);
    assertThat(FaceCode.quantise(embedding)).as("quantise(dequantise(code))").isEqualTo(code);
    float[] unit = FaceCode.normalise(embedding);
    assertThat(FaceCode.distance(unit, unit)).isZero();
  }
}
