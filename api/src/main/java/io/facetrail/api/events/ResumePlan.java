package io.facetrail.api.events;

import java.util.List;
import java.util.Map;

/**
 * What a live client must be sent before the events that reach it live, to continue exactly after
 * its token.
 *
 * @param start per partition, the offset of the first record the client has not been given
 * @param fromTopic per partition, the offsets {@code [from, to)} memory no longer holds: read them
 *     from the topic
 * @param fromMemory the events after the token that memory holds, oldest first
 */
public record ResumePlan(
    Map<Integer, Long> start, Map<Integer, long[]> fromTopic, List<StoredEvent> fromMemory) {
  public ResumePlan {
    start = Map.copyOf(start);
    fromTopic = Map.copyOf(fromTopic);
    fromMemory = List.copyOf(fromMemory);
  }
}
