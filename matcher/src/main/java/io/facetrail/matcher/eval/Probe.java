package io.facetrail.matcher.eval;

/**
 * One search of the open-set protocol: a single photo's code, or the aggregate of a track of photos
 * of one person. Holds face data: never log it.
 *
 * @param person the person the photos show (enrolled or never enrolled)
 * @param code the code searched with; null when no photo of the track was good enough to enter the
 *     matcher's aggregate (such a track is never decided: a miss, or a rejected stranger)
 */
record Probe(String person, byte[] code) {
  boolean decidable() {
    return code != null;
  }

  @Override
  public String toString() {
    return "Probe[" + (decidable() ? "code" : "no aggregate") + "]";
  }
}
