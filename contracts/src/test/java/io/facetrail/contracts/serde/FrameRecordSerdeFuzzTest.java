package io.facetrail.contracts.serde;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes read as a FrameRecord (the frames topic): decoded and round-tripped, or refused
 * with {@link MalformedRecordException}. Seeds: {@code FrameRecordSerdeFuzzTestInputs}.
 */
class FrameRecordSerdeFuzzTest {
  private final ProtoSerde<?> serde = RecordSerdes.frameRecord();

  @Timeout(10)
  @FuzzTest
  void decodesOrRefuses(byte[] bytes) {
    SerdeFuzzing.decodeOrRefuse(serde, bytes);
  }
}
