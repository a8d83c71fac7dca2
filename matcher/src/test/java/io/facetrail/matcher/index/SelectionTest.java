package io.facetrail.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectionTest {
  @Test
  void selectsWhatASortWouldPutThereAndPartitionsAroundIt() {
    SplittableRandom r = new SplittableRandom(4);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + r.nextInt(500);
      long[] a = new long[n + 3];
      for (int i = 0; i < a.length; i++) {
        // Few distinct values, so that duplicates of the pivot are common.
        a[i] = r.nextInt(trial % 2 == 0 ? 10 : 1_000_000);
      }
      long[] sorted = Arrays.copyOf(a, n);
      Arrays.sort(sorted);
      long tail = a[n];
      int k = r.nextInt(n);
      Selection.select(a, n, k);
      assertThat(a[k]).isEqualTo(sorted[k]);
      for (int i = 0; i < n; i++) {
        assertThat(i < k ? a[i] <= a[k] : a[i] >= a[k]).isTrue();
      }
      long[] same = Arrays.copyOf(a, n);
      Arrays.sort(same);
      assertThat(same).isEqualTo(sorted);
      assertThat(a[n]).isEqualTo(tail);
    }
  }
}
