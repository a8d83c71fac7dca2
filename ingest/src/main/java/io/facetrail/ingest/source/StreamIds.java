package io.facetrail.ingest.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Assigns stream ids to a list of sources: explicit ids are kept, the others are derived from their
 * input ({@link InputNames#streamIdFor}) and made unique with {@code -2}, {@code -3}... in list
 * order, so the same configuration always yields the same ids.
 */
public final class StreamIds {
  private StreamIds() {}

  /**
   * @param explicit each source's configured id, or null
   * @param inputs each source's input
   * @return one id per source
   * @throws IllegalArgumentException when an explicit id appears twice
   */
  public static List<String> assign(List<String> explicit, List<String> inputs) {
    if (explicit.size() != inputs.size()) {
      throw new IllegalArgumentException("one explicit id (or null) per input");
    }
    Set<String> taken = new HashSet<>();
    for (String id : explicit) {
      if (id != null && !taken.add(id)) {
        throw new IllegalArgumentException("stream id '" + id + "' is configured twice");
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      String id = explicit.get(i);
      if (id == null) {
        String base = InputNames.streamIdFor(inputs.get(i));
        id = base;
        for (int n = 2; taken.contains(id); n++) {
          id = base + "-" + n;
        }
        taken.add(id);
      }
      out.add(id);
    }
    return out;
  }
}
