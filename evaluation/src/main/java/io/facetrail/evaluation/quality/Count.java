package io.facetrail.evaluation.quality;

/** Photos, faces found, genuine and impostor comparisons and their accepts in one group. */
final class Count {
  long photos;
  long faces;
  long genuine;
  long accepted;
  long impostors;
  long falseAccepts;

  double trueAcceptRate() {
    return genuine == 0 ? Double.NaN : (double) accepted / genuine;
  }

  double falseAcceptRate() {
    return impostors == 0 ? Double.NaN : (double) falseAccepts / impostors;
  }

  void add(Count o) {
    photos += o.photos;
    faces += o.faces;
    genuine += o.genuine;
    accepted += o.accepted;
    impostors += o.impostors;
    falseAccepts += o.falseAccepts;
  }
}
