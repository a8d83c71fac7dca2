package io.facetrail.evaluation.clusters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two disjoint halves of LFW's people: {@code tune}, on which the clustering's settings may be
 * chosen, and {@code report}, whose numbers are the ones reported. People are shuffled by the seed
 * and dealt alternately, so a person's half does not depend on how many are used.
 */
public enum PeopleSplit {
  TUNE,
  REPORT;

  /** This half's people, as person indexes, in the seeded order. */
  public List<Integer> of(List<Integer> shuffled) {
    List<Integer> out = new ArrayList<>();
    for (int i = ordinal(); i < shuffled.size(); i += 2) {
      out.add(shuffled.get(i));
    }
    return out;
  }

  /** The name in reports and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
