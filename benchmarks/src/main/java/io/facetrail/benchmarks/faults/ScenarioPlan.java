package io.facetrail.benchmarks.faults;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runs of one invocation, in order: always the baseline first (every fault run is compared with
 * it, so it must exist before them), then the requested faults once each, in the order given.
 */
public record ScenarioPlan(List<Scenario> runs) {
  public ScenarioPlan {
    runs = List.copyOf(runs);
    if (runs.isEmpty() || runs.get(0) != Scenario.BASELINE) {
      throw new IllegalArgumentException("a plan starts with the baseline");
    }
  }

  /** Every fault, in the declared order. */
  public static ScenarioPlan all() {
    return of(List.of(Scenario.values()));
  }

  /**
   * The plan for the scenarios named on the command line ({@code broker-restart,kill-matcher});
   * {@code baseline} may be named or not, duplicates count once; an empty list means every fault.
   */
  public static ScenarioPlan parse(List<String> names) {
    List<Scenario> requested = new ArrayList<>();
    for (String name : names) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("empty scenario name in --scenarios");
      }
      requested.add(Scenario.fromCliName(name));
    }
    return requested.isEmpty() ? all() : of(requested);
  }

  private static ScenarioPlan of(List<Scenario> requested) {
    Set<Scenario> runs = new LinkedHashSet<>();
    runs.add(Scenario.BASELINE);
    runs.addAll(requested);
    return new ScenarioPlan(new ArrayList<>(runs));
  }

  /** The fault runs, without the baseline. */
  public List<Scenario> faults() {
    return runs.subList(1, runs.size());
  }
}
