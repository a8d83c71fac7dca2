package io.facetrail.contracts.serde;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes read as a TrackEvent (the tracks topic): decoded and round-tripped, or refused
 * with {@link MalformedRecordException}. Seeds: {@code TrackEventSerdeFuzzTestInputs}.
 */
class TrackEventSerdeFuzzTest {
  private final ProtoSerde<?> serde = RecordSerdes.trackEvent();

  @Timeout(10)
  @FuzzTest
  void decodesOrRefuses(byte[] bytes) {
    SerdeFuzzing.decodeOrRefuse(serde, bytes);
  }
}
