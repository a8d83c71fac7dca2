package io.facetrail.evaluation.quality;

import java.util.HashSet;
import java.util.Set;

/**
 * Genuine and impostor pairs of one group of the both-degraded measurement, with their accepts at
 * each of the thresholds judged ({@link BothDegradedTally}); also the faces and identities the
 * group's impostor pairs were drawn from, so a reader can see how many people stand behind a rate.
 */
final class PairCount {
  final long[] accepted;
  final long[] falseAccepts;
  final Set<String> persons = new HashSet<>();
  long faces;
  long genuine;
  long impostors;

  PairCount(int thresholds) {
    accepted = new long[thresholds];
    falseAccepts = new long[thresholds];
  }

  double trueAcceptRate(int t) {
    return genuine == 0 ? Double.NaN : (double) accepted[t] / genuine;
  }

  double falseAcceptRate(int t) {
    return impostors == 0 ? Double.NaN : (double) falseAccepts[t] / impostors;
  }

  void add(PairCount o) {
    faces += o.faces;
    persons.addAll(o.persons);
    genuine += o.genuine;
    impostors += o.impostors;
    for (int t = 0; t < accepted.length; t++) {
      accepted[t] += o.accepted[t];
      falseAccepts[t] += o.falseAccepts[t];
    }
  }
}
