package io.facetrail.contracts.serde;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for one Protobuf record type in the FaceTrail envelope. Both directions validate: a
 * producer cannot publish a record that consumers would reject, and a consumer never sees a
 * silently wrong object.
 */
public final class ProtoSerde<T extends MessageLite>
    implements Serde<T>, Serializer<T>, Deserializer<T> {
  private final String recordType;
  private final Parser<T> parser;
  private final RecordValidator<T> validator;

  public ProtoSerde(String recordType, Parser<T> parser, RecordValidator<T> validator) {
    this.recordType = Objects.requireNonNull(recordType);
    this.parser = Objects.requireNonNull(parser);
    this.validator = Objects.requireNonNull(validator);
  }

  /** The record type name used in error messages. */
  public String recordType() {
    return recordType;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    requireValid(data);
    return RecordEnvelope.wrap(data.toByteArray());
  }

  @Override
  public T deserialize(String topic, byte[] bytes) {
    RecordEnvelope.check(recordType, bytes);
    T record;
    try {
      record =
          parser.parseFrom(
              bytes, RecordEnvelope.HEADER_BYTES, bytes.length - RecordEnvelope.HEADER_BYTES);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedRecordException(
          recordType, "not a valid Protobuf payload: " + e.getMessage(), e);
    }
    requireValid(record);
    return record;
  }

  private void requireValid(T record) {
    List<String> problems = validator.problems(record);
    if (!problems.isEmpty()) {
      throw new MalformedRecordException(recordType, String.join("; ", problems));
    }
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    // Nothing to configure: the record type is fixed at construction.
  }

  @Override
  public void close() {
    // Stateless: Kafka calls close() on both halves, which are this same object.
  }
}
