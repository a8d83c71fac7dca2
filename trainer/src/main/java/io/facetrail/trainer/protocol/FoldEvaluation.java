package io.facetrail.trainer.protocol;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.evaluation.lfw.LfwPairs;
import io.facetrail.evaluation.lfw.VerificationStats;
import io.facetrail.trainer.data.LfwFolds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Scores a model (photo to L2-normalised embedding) on one held-out fold of LFW. */
public final class FoldEvaluation {
  private FoldEvaluation() {}

  /**
   * @param embedding the model's embedding of a photo (path relative to the image folder)
   */
  public static FoldResult evaluate(
      LfwFolds folds, int testFold, Function<String, float[]> embedding) {
    return evaluate(folds, testFold, embedding, embedding);
  }

  /**
   * Cross-model verification: the first photo of every pair is embedded by one model, the second by
   * another (a gallery of old codes searched with new ones), on the training folds' pairs for the
   * threshold and on the held-out fold for the accuracy.
   *
   * @param first embeds the first photo of each pair
   * @param second embeds the second photo of each pair
   */
  public static FoldResult evaluate(
      LfwFolds folds,
      int testFold,
      Function<String, float[]> first,
      Function<String, float[]> second) {
    List<Double> trainD = new ArrayList<>();
    List<Boolean> trainSame = new ArrayList<>();
    VerificationStats.Fold test = null;
    for (int f = 1; f <= folds.foldCount(); f++) {
      VerificationStats.Fold fold = distances(folds.pairsOf(f), first, second);
      if (f == testFold) {
        test = fold;
      } else {
        for (int i = 0; i < fold.distances().length; i++) {
          trainD.add(fold.distances()[i]);
          trainSame.add(fold.same()[i]);
        }
      }
    }
    double[] d = trainD.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] same = new boolean[trainSame.size()];
    for (int i = 0; i < same.length; i++) {
      same[i] = trainSame.get(i);
    }
    double threshold = VerificationStats.bestThreshold(d, same);
    double best = VerificationStats.bestThreshold(test.distances(), test.same());
    return new FoldResult(
        VerificationStats.accuracy(test, threshold),
        threshold,
        VerificationStats.accuracy(new VerificationStats.Fold(d, same), threshold),
        VerificationStats.accuracy(test, best));
  }

  private static VerificationStats.Fold distances(
      List<LfwPairs.Pair> pairs,
      Function<String, float[]> first,
      Function<String, float[]> second) {
    double[] d = new double[pairs.size()];
    boolean[] same = new boolean[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      LfwPairs.Pair p = pairs.get(i);
      d[i] =
          FaceCode.distance(
              first.apply(LfwPairs.imagePath(p.nameA(), p.indexA())),
              second.apply(LfwPairs.imagePath(p.nameB(), p.indexB())));
      same[i] = p.same();
    }
    return new VerificationStats.Fold(d, same);
  }
}
