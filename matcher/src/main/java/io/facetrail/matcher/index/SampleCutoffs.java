package io.facetrail.matcher.index;

import java.util.Arrays;

/**
 * The fast search's cutoffs, predicted from the estimates of a systematic sample of the gallery so
 * that one sequential pass can filter every code and re-rank the candidates at once, touching
 * memory in address order (faster than any pass over a candidate list): {@link #fine} on the whole
 * sketch for about {@code candidates} codes, {@link #coarse} on the first sketch word alone for
 * {@link #PREFILTER} times as many, and the best sampled codes as {@link #seeds}.
 */
final class SampleCutoffs {
  /** How many more codes pass the first word's cutoff than the full sketch's. */
  static final int PREFILTER = 8;

  /** Codes whose estimate predicts the fast search's cutoff. */
  static final int SAMPLE = 16_384;

  /** Best sampled codes re-ranked before the pass, to start it with a tight bound. */
  static final int SEEDS = 64;

  /** Cutoff on the whole sketch's estimate. */
  final int fine;

  /** Cutoff on the first sketch word's estimate. */
  final int coarse;

  /** Positions of the best sampled codes, best first. */
  final int[] seeds;

  private SampleCutoffs(int fine, int coarse, int[] seeds) {
    this.fine = fine;
    this.coarse = coarse;
    this.seeds = seeds;
  }

  /**
   * Estimates a systematic sample of the compatible codes (every {@code step}-th block of {@link
   * SketchBlocks}, whole: a block's sketches share sixteen cache lines, so single codes would cost
   * sixteen misses each); null when the sample holds no compatible code. With {@code nibbles}, the
   * estimates are the vector pass's quantised ones, else the scalar pass's exact table sums.
   */
  static SampleCutoffs predict(
      CodeTable t,
      int[] table,
      NibbleTables nibbles,
      boolean[] allowed,
      boolean everyModel,
      int candidates) {
    int size = t.size;
    byte[] s = t.sketches.bytes;
    int step = Math.max(1, size / SAMPLE);
    int blocks = (size + SketchBlocks.BLOCK - 1) / SketchBlocks.BLOCK;
    // Packed (estimate << 32 | position): distinct, so a selection agrees with a sort.
    long[] sample = new long[((blocks + step - 1) / step) * SketchBlocks.BLOCK];
    long[] coarse = new long[sample.length];
    int sampled = 0;
    for (int b = 0; b < blocks; b += step) {
      int end = Math.min(size, (b + 1) * SketchBlocks.BLOCK);
      for (int i = b * SketchBlocks.BLOCK; i < end; i++) {
        if (everyModel || allowed[t.modelSlot[i]]) {
          int o = SketchBlocks.offset(i);
          long first;
          long full;
          if (nibbles == null) {
            first = FastScan.sum(table, s, o, 0);
            full = first + FastScan.sum(table, s, o, 8);
          } else {
            first = nibbles.estimate(s, o, 8);
            full = nibbles.estimate(s, o, SketchBlocks.RUNS);
          }
          coarse[sampled] = (first << 32) | i;
          sample[sampled++] = (full << 32) | i;
        }
      }
    }
    if (sampled == 0) {
      return null;
    }
    // Relative to the compatible codes only: the sample holds no others.
    int fineAt = rank(sampled, candidates / ((double) sampled * step));
    int coarseAt = rank(sampled, PREFILTER * candidates / ((double) sampled * step));
    int seeds = Math.min(sampled, SEEDS);
    // The sample's front up to both the cutoff and the seeds, sorted; the rest only partitioned
    // (two whole sorts of 16,384 entries took about 0.6 ms per search).
    int front = Math.max(fineAt, seeds - 1);
    Selection.select(sample, sampled, front);
    Arrays.sort(sample, 0, front + 1);
    Selection.select(coarse, sampled, coarseAt);
    int[] best = new int[seeds];
    for (int n = 0; n < seeds; n++) {
      best[n] = (int) sample[n];
    }
    return new SampleCutoffs((int) (sample[fineAt] >> 32), (int) (coarse[coarseAt] >> 32), best);
  }

  private static int rank(int n, double fraction) {
    return Math.min(n - 1, (int) Math.ceil(fraction * n));
  }
}
