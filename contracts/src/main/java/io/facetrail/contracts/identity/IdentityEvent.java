package io.facetrail.contracts.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One decision about the identity of a face track, as published on the identity topic. Field
 * meanings are documented in {@code schemas/identity-event.v1.schema.json}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IdentityEvent(
    int schemaVersion,
    String eventId,
    IdentityEventType type,
    String streamId,
    String trackId,
    PersonRef person,
    PersonRef previousPerson,
    String clusterId,
    Double distance,
    Double threshold,
    Double falseAcceptRate,
    Double secondDistance,
    Moment firstSeen,
    Moment lastSeen,
    long framesUsed,
    String modelId,
    Instant emittedAt,
    Map<String, String> labels) {

  /** The schema version this class writes. */
  public static final int SCHEMA_VERSION = 1;

  public IdentityEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(trackId, "trackId");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(emittedAt, "emittedAt");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
