package io.facetrail.matcher.index;

import io.facetrail.contracts.code.FaceCode;

/**
 * A person found by a search.
 *
 * @param personId the person
 * @param name their display name at search time
 * @param squaredCodeDistance squared distance in code units to their nearest compatible code
 * @param modelId the model of that nearest code: with declared-compatible models it may differ from
 *     the query's, and the threshold for the match depends on the pair
 */
public record Match(String personId, String name, int squaredCodeDistance, String modelId) {
  /** The Euclidean distance in embedding units (what calibration thresholds are expressed in). */
  public double distance() {
    return Math.sqrt(squaredCodeDistance) / FaceCode.SCALE;
  }
}
