package io.facetrail.trainer.protocol;

import io.facetrail.trainer.data.LfwFolds;
import java.util.Map;

/**
 * The compatibility matrix of two models on one fold split (harmonic embeddings, FaceNet section
 * 6): verification with both photos of a pair embedded by v1, both by v2, and one by each (v1 for
 * the first photo and v2 for the second, and the other way round). Each cell chooses its threshold
 * on the training folds' pairs, as {@link FoldEvaluation} does.
 */
public record CompatibilityMatrix(
    FoldResult v1v1, FoldResult v2v2, FoldResult v1v2, FoldResult v2v1) {

  /**
   * @param v1 each evaluation photo's L2-normalised v1 embedding
   * @param v2 each evaluation photo's L2-normalised v2 embedding
   */
  public static CompatibilityMatrix evaluate(
      LfwFolds folds, int testFold, Map<String, float[]> v1, Map<String, float[]> v2) {
    return new CompatibilityMatrix(
        FoldEvaluation.evaluate(folds, testFold, v1::get),
        FoldEvaluation.evaluate(folds, testFold, v2::get),
        FoldEvaluation.evaluate(folds, testFold, v1::get, v2::get),
        FoldEvaluation.evaluate(folds, testFold, v2::get, v1::get));
  }

  /** How far the mean cross-model held-out accuracy falls below v1-v1's, in points. */
  public double crossGapPoints() {
    double cross = (v1v2.heldOutAccuracy() + v2v1.heldOutAccuracy()) / 2;
    return 100 * (v1v1.heldOutAccuracy() - cross);
  }

  /** Held-out accuracies in percent, for logs. */
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "v1-v1 %.2f %%, v2-v2 %.2f %%, v1-v2 %.2f %%, v2-v1 %.2f %%",
        100 * v1v1.heldOutAccuracy(),
        100 * v2v2.heldOutAccuracy(),
        100 * v1v2.heldOutAccuracy(),
        100 * v2v1.heldOutAccuracy());
  }
}
