package io.facetrail.evaluation.quality;

import io.facetrail.evaluation.lfw.LfwPairs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The identities of the evaluation: one matched pair per person from the chosen folds of {@code
 * pairs.txt} (folds 6-10 by default: the shipped calibration was fit on folds 1-5), in a seeded
 * order, alternately into the fit half and the report half, so no identity is in both.
 */
final class QualityPeople {
  /** One person's matched pair: the reference photo and the photo that is degraded. */
  record Person(String name, int referenceIndex, int probeIndex, boolean fit) {}

  private QualityPeople() {}

  static List<Person> choose(LfwPairs pairs, int firstFold, int lastFold, int perHalf, long seed) {
    Map<String, LfwPairs.Pair> first = new LinkedHashMap<>();
    for (int f = firstFold; f <= lastFold && f <= pairs.folds().size(); f++) {
      for (LfwPairs.Pair p : pairs.folds().get(f - 1)) {
        if (p.same()) {
          first.putIfAbsent(p.nameA(), p);
        }
      }
    }
    List<LfwPairs.Pair> order = new ArrayList<>(first.values());
    Collections.shuffle(order, new Random(seed));
    List<Person> out = new ArrayList<>();
    for (int i = 0; i < order.size() && i < 2 * perHalf; i++) {
      LfwPairs.Pair p = order.get(i);
      out.add(new Person(p.nameA(), p.indexA(), p.indexB(), i % 2 == 0));
    }
    return out;
  }
}
