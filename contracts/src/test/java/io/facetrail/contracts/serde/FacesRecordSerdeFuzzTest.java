package io.facetrail.contracts.serde;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes read as a FacesRecord (the faces topic): decoded and round-tripped, or refused
 * with {@link MalformedRecordException}. Seeds: {@code FacesRecordSerdeFuzzTestInputs}.
 */
class FacesRecordSerdeFuzzTest {
  private final ProtoSerde<?> serde = RecordSerdes.facesRecord();

  @Timeout(10)
  @FuzzTest
  void decodesOrRefuses(byte[] bytes) {
    SerdeFuzzing.decodeOrRefuse(serde, bytes);
  }
}
