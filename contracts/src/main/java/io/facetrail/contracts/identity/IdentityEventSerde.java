package io.facetrail.contracts.identity;

import io.facetrail.contracts.serde.MalformedRecordException;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde of identity events. Both directions check the document against the published schema,
 * so FaceTrail never publishes an event its consumers' validators would refuse.
 */
public final class IdentityEventSerde
    implements Serde<IdentityEvent>, Serializer<IdentityEvent>, Deserializer<IdentityEvent> {
  private static final String TYPE = "IdentityEvent";

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** The mapper used for identity events (also for printing them as JSON lines). */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** The event as one line of JSON, exactly as published on the identity topic. */
  public static String toJson(IdentityEvent event) {
    JsonNode tree = MAPPER.valueToTree(event);
    requireValid(tree);
    return MAPPER.writeValueAsString(tree);
  }

  @Override
  public byte[] serialize(String topic, IdentityEvent event) {
    if (event == null) {
      return null;
    }
    JsonNode tree = MAPPER.valueToTree(event);
    requireValid(tree);
    return MAPPER.writeValueAsBytes(tree);
  }

  @Override
  public IdentityEvent deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      throw new MalformedRecordException(TYPE, "null value (tombstone) where an event is expected");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new MalformedRecordException(TYPE, "not JSON: " + e.getOriginalMessage(), e);
    }
    requireValid(tree);
    try {
      return MAPPER.treeToValue(tree, IdentityEvent.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new MalformedRecordException(TYPE, "cannot bind: " + e.getMessage(), e);
    }
  }

  private static void requireValid(JsonNode tree) {
    List<String> problems = IdentityEventSchema.problems(tree);
    if (!problems.isEmpty()) {
      throw new MalformedRecordException(TYPE, String.join("; ", problems));
    }
  }

  @Override
  public Serializer<IdentityEvent> serializer() {
    return this;
  }

  @Override
  public Deserializer<IdentityEvent> deserializer() {
    return this;
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    // Nothing to configure: the record type is fixed at construction.
  }

  @Override
  public void close() {
    // Stateless.
  }
}
