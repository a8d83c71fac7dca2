package io.facetrail.evaluation.lfw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationStatsTest {
  @Test
  void separableFoldsScorePerfectlyWithAThresholdBetweenTheClasses() {
    VerificationStats.Fold a =
        new VerificationStats.Fold(
            new double[] {0.2, 0.3, 0.9, 1.1}, new boolean[] {true, true, false, false});
    VerificationStats.Fold b =
        new VerificationStats.Fold(
            new double[] {0.25, 0.5, 0.8, 1.0}, new boolean[] {true, true, false, false});
    VerificationStats.Fold c =
        new VerificationStats.Fold(
            new double[] {0.1, 0.4, 0.7, 1.2}, new boolean[] {true, true, false, false});
    VerificationStats.KFold k = VerificationStats.kFold(List.of(a, b, c));
    assertThat(k.mean()).isEqualTo(1.0);
    assertThat(k.std()).isZero();
    assertThat(k.meanThreshold()).isBetween(0.5, 0.7);
  }

  @Test
  void accuracyCountsBothKindsOfError() {
    VerificationStats.Fold f =
        new VerificationStats.Fold(
            new double[] {0.2, 0.8, 0.3, 0.9}, new boolean[] {true, true, false, false});
    assertThat(VerificationStats.accuracy(f, 0.5)).isEqualTo(0.5);
  }

  @Test
  void tarAtFarUsesTheImpostorQuantile() {
    double[] d = new double[2000];
    boolean[] same = new boolean[2000];
    for (int i = 0; i < 1000; i++) {
      d[i] = 0.5 + i / 1000.0; // impostors 0.5 .. 1.5
      d[1000 + i] = i / 1000.0; // genuine 0 .. 1
      same[1000 + i] = true;
    }
    // FAR 1e-3 of 1000 impostors allows one below the threshold: threshold 0.501.
    assertThat(VerificationStats.tarAtFar(d, same, 1e-3)).isCloseTo(0.501, offset(1e-9));
    double[][] roc = VerificationStats.roc(d, same);
    assertThat(roc[roc.length - 1]).containsExactly(1.0, 1.0);
  }
}
