package io.facetrail.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.synthetic.SyntheticFaces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector filter against the same quantised estimates computed one code at a time. */
class NibbleFilterTest {
  private static final SyntheticFaces FACES = SyntheticFaces.standard(5);
  private static final int BLOCKS = 40;

  /** A table of codes of the synthetic faces, with their quantiser trained on them. */
  private static CodeTable table(int n) {
    CodeTable t = new CodeTable();
    for (int i = 0; i < n; i++) {
      t.add(FACES.code(i / 3, i % 3), i / 3, (short) 0);
    }
    t.retrain();
    return t;
  }

  @Test
  void filterPassesExactlyTheCodesUnderBothCutoffsInOrder() {
    CodeTable t = table(BLOCKS * SketchBlocks.BLOCK);
    SplittableRandom r = new SplittableRandom(3);
    for (int query = 0; query < 20; query++) {
      NibbleTables nibbles = new NibbleTables(t.quantiser.tables(FACES.code(10_000 + query, 0)));
      int n = t.size;
      int[] first = new int[n];
      int[] full = new int[n];
      for (int i = 0; i < n; i++) {
        first[i] = nibbles.estimate(t.sketches.bytes, SketchBlocks.offset(i), 8);
        full[i] = nibbles.estimate(t.sketches.bytes, SketchBlocks.offset(i), SketchBlocks.RUNS);
      }
      // Cutoffs at random quantiles, so that some codes pass and most do not.
      int coarse = sorted(first)[n / 4 + r.nextInt(n / 2)];
      int fine = sorted(full)[n / 16 + r.nextInt(n / 8)];
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (first[i] <= coarse && full[i] <= fine) {
          expected.add(i);
        }
      }
      int[] out = new int[BLOCKS * SketchBlocks.BLOCK];
      int found =
          NibbleFilter.filter(t.sketches.bytes, 0, BLOCKS, nibbles.bytes, coarse, fine, out);
      assertThat(Arrays.stream(out, 0, found).boxed().toList()).isEqualTo(expected);
      assertThat(expected).isNotEmpty().hasSizeLessThan(n / 4);
      // A range of blocks reports positions of those blocks only.
      int part = NibbleFilter.filter(t.sketches.bytes, 5, 9, nibbles.bytes, coarse, fine, out);
      assertThat(Arrays.stream(out, 0, part).boxed().toList())
          .isEqualTo(expected.stream().filter(i -> i >= 5 * 64 && i < 9 * 64).toList());
    }
  }

  @Test
  void noCodePassesACutoffOfMinusOne() {
    CodeTable t = table(4 * SketchBlocks.BLOCK);
    NibbleTables nibbles = new NibbleTables(t.quantiser.tables(FACES.code(1, 7)));
    int[] out = new int[4 * SketchBlocks.BLOCK];
    assertThat(NibbleFilter.filter(t.sketches.bytes, 0, 4, nibbles.bytes, -1, 8160, out)).isZero();
    assertThat(NibbleFilter.filter(t.sketches.bytes, 0, 4, nibbles.bytes, 8160, 8160, out))
        .isEqualTo(4 * SketchBlocks.BLOCK);
  }

  @Test
  void quantisedEstimatesFollowTheExactOnesWithinTheRounding() {
    CodeTable t = table(BLOCKS * SketchBlocks.BLOCK);
    int[] table = t.quantiser.tables(FACES.code(20_000, 0));
    NibbleTables nibbles = new NibbleTables(table);
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (int i = 0; i < t.size; i++) {
      int o = SketchBlocks.offset(i);
      long exact =
          FastScan.sum(table, t.sketches.bytes, o, 0) + FastScan.sum(table, t.sketches.bytes, o, 8);
      // In quantised steps, exact = constant + quantised + rounding, rounding in [0, 32).
      double gap = exact * 255.0 / nibbles.range - nibbles.estimate(t.sketches.bytes, o, 16);
      lo = Math.min(lo, gap);
      hi = Math.max(hi, gap);
    }
    assertThat(hi - lo).isLessThan(NibbleTables.TABLES);
    // Not vacuous: the estimates spread over many steps.
    int[] q = new int[t.size];
    for (int i = 0; i < t.size; i++) {
      q[i] = nibbles.estimate(t.sketches.bytes, SketchBlocks.offset(i), 16);
    }
    int[] s = sorted(q);
    assertThat(s[s.length - 1] - s[0]).isGreaterThan(10 * NibbleTables.TABLES);
  }

  private static int[] sorted(int[] a) {
    int[] s = a.clone();
    Arrays.sort(s);
    return s;
  }
}
