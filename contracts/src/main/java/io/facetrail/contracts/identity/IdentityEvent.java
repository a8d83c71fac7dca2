package io.facetrail.contracts.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One decision about the identity of a face track, as published on the identity topic. Field
 * meanings are documented in {@code schemas/identity-event.v1.schema.json}.
 *
 * <p>{@code fpir} and {@code gallerySize} (the false-positive identification rate per track
 * decision and the number of persons the decision was made against) were added to version 1 as
 * optional fields: events written before carry neither. {@code fpir} is null when the decision was
 * taken at a configured per-comparison false-accept rate (the expert setting), both are null when
 * no decision was taken.
 *
 * <p>{@code frameUse} (added the same way, 2026-12-07) says, on unknown events, how many frames the
 * track had and why frames were not used ({@link FrameUse}); null on other events and in events
 * written before.
 *
 * <p>{@code retroactive} (added the same way, 2026-12-07) is true on events about a track that had
 * already ended, re-decided from its stored codes after the gallery changed (the matcher's track
 * archive); left out (null) on every other event and in events written before.
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
    Double fpir,
    Integer gallerySize,
    Double secondDistance,
    Moment firstSeen,
    Moment lastSeen,
    long framesUsed,
    // Left out when null: a reader holding the schema from before frameUse existed (which forbids
    // unknown properties) still accepts every event but unknown ones.
    @JsonInclude(JsonInclude.Include.NON_NULL) FrameUse frameUse,
    String modelId,
    Instant emittedAt,
    Map<String, String> labels,
    // Left out when null, as frameUse: only re-decided events carry it.
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean retroactive) {

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
    if (gallerySize != null && gallerySize < 0) {
      throw new IllegalArgumentException("gallerySize must not be negative, got " + gallerySize);
    }
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** An event decided live (without {@code retroactive}). */
  public IdentityEvent(
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
      Double fpir,
      Integer gallerySize,
      Double secondDistance,
      Moment firstSeen,
      Moment lastSeen,
      long framesUsed,
      FrameUse frameUse,
      String modelId,
      Instant emittedAt,
      Map<String, String> labels) {
    this(
        schemaVersion,
        eventId,
        type,
        streamId,
        trackId,
        person,
        previousPerson,
        clusterId,
        distance,
        threshold,
        falseAcceptRate,
        fpir,
        gallerySize,
        secondDistance,
        firstSeen,
        lastSeen,
        framesUsed,
        frameUse,
        modelId,
        emittedAt,
        labels,
        null);
  }

  /** Whether the event re-decides an ended track from its stored codes (null counts as false). */
  public boolean redecided() {
    return Boolean.TRUE.equals(retroactive);
  }

  /** An event without {@code frameUse} (every type but unknown). */
  public IdentityEvent(
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
      Double fpir,
      Integer gallerySize,
      Double secondDistance,
      Moment firstSeen,
      Moment lastSeen,
      long framesUsed,
      String modelId,
      Instant emittedAt,
      Map<String, String> labels) {
    this(
        schemaVersion,
        eventId,
        type,
        streamId,
        trackId,
        person,
        previousPerson,
        clusterId,
        distance,
        threshold,
        falseAcceptRate,
        fpir,
        gallerySize,
        secondDistance,
        firstSeen,
        lastSeen,
        framesUsed,
        null,
        modelId,
        emittedAt,
        labels);
  }
}
