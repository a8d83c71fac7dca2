package io.facetrail.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.MessageLite;

/**
 * The property every binary serde must have on arbitrary bytes: it either decodes them into a
 * record that survives encode and decode unchanged, or refuses them with {@link
 * MalformedRecordException} naming the record type. Anything else (a NullPointerException, an
 * out-of-bounds index, an OutOfMemoryError) escapes and is reported by the fuzzer.
 */
final class SerdeFuzzing {
  private SerdeFuzzing() {}

  static <T extends MessageLite> void decodeOrRefuse(ProtoSerde<T> serde, byte[] bytes) {
    T record;
    try {
      record = serde.deserialize("fuzz", bytes);
    } catch (MalformedRecordException e) {
      assertThat(e.recordType()).isEqualTo(serde.recordType());
      assertThat(e.getMessage()).startsWith(serde.recordType() + ": ");
      return;
    }
    // What a consumer accepted a producer must be able to write back, and it must read the same.
    byte[] again = serde.serialize("fuzz", record);
    assertThat(serde.deserialize("fuzz", again)).isEqualTo(record);
  }
}
