package io.facetrail.benchmarks.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's identity events against the baseline's, by event id (deterministic: the same decision
 * about the same track has the same id in every run and in every replay).
 *
 * @param lost ids in the baseline that the run never emitted
 * @param duplicated ids the run emitted more than once, with how many times
 * @param extra ids the run emitted that the baseline did not
 */
public record EventComparison(
    List<String> lost, Map<String, Integer> duplicated, List<String> extra) {
  public EventComparison {
    lost = List.copyOf(lost);
    duplicated = Map.copyOf(duplicated);
    extra = List.copyOf(extra);
  }

  /**
   * Compares the event ids a run read from the identity topic ({@code run}, in topic order, with
   * repeats) with the baseline's. Ids the baseline itself repeated count once for it: its own
   * duplicates are reported by comparing it with itself.
   */
  public static EventComparison compare(List<String> baseline, List<String> run) {
    Set<String> expected = new LinkedHashSet<>(baseline);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String id : run) {
      counts.merge(id, 1, Integer::sum);
    }
    List<String> lost = new ArrayList<>();
    for (String id : expected) {
      if (!counts.containsKey(id)) {
        lost.add(id);
      }
    }
    Map<String, Integer> duplicated = new LinkedHashMap<>();
    List<String> extra = new ArrayList<>();
    counts.forEach(
        (id, n) -> {
          if (n > 1) {
            duplicated.put(id, n);
          }
          if (!expected.contains(id)) {
            extra.add(id);
          }
        });
    return new EventComparison(lost, duplicated, extra);
  }

  /** Events emitted more than once, counting each repeat (an id seen 3 times counts 2). */
  public int duplicateCount() {
    return duplicated.values().stream().mapToInt(n -> n - 1).sum();
  }

  /** Nothing lost and nothing duplicated (extra events are reported, not failed: see README). */
  public boolean passed() {
    return lost.isEmpty() && duplicated.isEmpty();
  }
}
