package io.facetrail.benchmarks.faults;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The parts of an identity event the comparison reports: its id, and what it was about, so a lost
 * or duplicated event can be named (type, track, person id; never the person's name).
 */
record IdentityRecord(
    String eventId, String type, String trackId, String personId, int partition, long offset) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static IdentityRecord parse(String json, int partition, long offset) {
    JsonNode n = JSON.readTree(json);
    JsonNode id = n.get("eventId");
    if (id == null || !id.isString()) {
      throw new IllegalStateException(
          "identity event without an eventId at partition " + partition + " offset " + offset);
    }
    JsonNode person = n.get("person");
    return new IdentityRecord(
        id.asString(),
        n.path("type").asString(""),
        n.path("trackId").asString(""),
        person == null || person.isNull() ? null : person.path("id").asString(null),
        partition,
        offset);
  }
}
