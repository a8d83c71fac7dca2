package io.facetrail.evaluation.identification;

/**
 * One search of the open-set protocol: a single photo's code, or the aggregate of a track of photos
 * of one person. Holds face data: never log it.
 *
 * @param person the person the photos show (enrolled or never enrolled)
 * @param code the code searched with; null when no photo of the track was good enough to enter the
 *     matcher's aggregate (such a track is never decided: a miss, or a rejected stranger)
 * @param faces faces in the aggregate (the matcher's good frames; 1 for a single photo), which set
 *     the threshold it is judged by
 */
record Probe(String person, byte[] code, int faces) {
  boolean decidable() {
    return code != null;
  }

  @Override
  public String toString() {
    return "Probe[" + (decidable() ? "code" : "no aggregate") + "]";
  }
}
