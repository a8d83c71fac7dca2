package io.facetrail.evaluation.detection;

/** A detector's output kept from a score threshold: one column of the report. */
record Variant(String detector, float minScore) {
  String label() {
    return detector + "@" + minScore;
  }
}
