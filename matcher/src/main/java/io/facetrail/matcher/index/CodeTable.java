package io.facetrail.matcher.index;

import io.facetrail.contracts.code.FaceCode;
import java.util.Arrays;

/**
 * Codes packed in primitive arrays: 128 code bytes, a 128-bit sketch (two longs, {@link
 * CodeQuantiser}), the owner's person slot and the model slot, about 150 bytes per code in total.
 * Removal moves the last code into the hole, so the arrays stay dense and scans touch no gaps. Not
 * thread-safe: {@link GalleryIndex} guards it.
 */
final class CodeTable {
  static final int D = FaceCode.DIMENSIONS;

  byte[] codes = new byte[0];
  long[] sketches = new long[0];
  int[] personSlot = new int[0];
  short[] modelSlot = new short[0];
  int size;

  /** Sketches of the codes for the fast search; replaced by {@link #retrain}. */
  CodeQuantiser quantiser = CodeQuantiser.untrained();

  /** Appends a code; returns its position. */
  int add(byte[] code, int person, short model) {
    ensureCapacity(size + 1);
    int at = size++;
    System.arraycopy(code, 0, codes, at * D, D);
    quantiser.encode(code, 0, sketches, 2 * at);
    personSlot[at] = person;
    modelSlot[at] = model;
    return at;
  }

  /**
   * Removes the code at {@code at} by moving the last code there.
   *
   * @return the old position of the code that moved (equal to the new size when none moved)
   */
  int removeAt(int at) {
    int last = --size;
    if (at != last) {
      System.arraycopy(codes, last * D, codes, at * D, D);
      sketches[2 * at] = sketches[2 * last];
      sketches[2 * at + 1] = sketches[2 * last + 1];
      personSlot[at] = personSlot[last];
      modelSlot[at] = modelSlot[last];
    }
    return last;
  }

  void ensureCapacity(int n) {
    if (n <= personSlot.length) {
      return;
    }
    int cap = Math.max(n, Math.max(1024, personSlot.length + (personSlot.length >> 1)));
    codes = Arrays.copyOf(codes, cap * D);
    sketches = Arrays.copyOf(sketches, cap * 2);
    personSlot = Arrays.copyOf(personSlot, cap);
    modelSlot = Arrays.copyOf(modelSlot, cap);
  }

  /** Exact scan of positions {@code [from, to)} into {@code top}. */
  void scan(byte[] q, boolean[] allowedModels, int from, int to, TopPersons top) {
    final byte[] c = codes;
    for (int i = from; i < to; i++) {
      if (!allowedModels[modelSlot[i]]) {
        continue;
      }
      int d = distance(q, c, i * D, top.bound());
      if (d < top.bound()) {
        top.offer(d, personSlot[i]);
      }
    }
  }

  /**
   * Squared distance to the code at {@code base}, abandoning (returning a value at least {@code
   * bound}) once a partial sum reaches {@code bound}. Blocks of 32 keep the inner loop simple
   * enough for the JIT to vectorise.
   */
  static int distance(byte[] q, byte[] c, int base, int bound) {
    int s = 0;
    for (int block = 0; block < D; block += 32) {
      for (int j = block; j < block + 32; j++) {
        int d = q[j] - c[base + j];
        s += d * d;
      }
      if (s >= bound) {
        return s;
      }
    }
    return s;
  }

  /** Fits the quantiser to the stored codes and re-encodes every sketch. */
  void retrain() {
    quantiser = CodeQuantiser.train(codes, size);
    for (int i = 0; i < size; i++) {
      quantiser.encode(codes, i * D, sketches, 2 * i);
    }
  }

  /**
   * Fast search. Every code's sketch ({@link CodeQuantiser}) is a coarse reconstruction; the
   * distance from the exact query to it (asymmetric, so the query loses nothing to quantisation) is
   * summed from sixteen byte-indexed tables, ranks every code, and about {@code candidates} of the
   * best are re-ranked with the exact distance. Far better than Hamming distance on sign bits,
   * which weighs every dimension alike and ignores where the query lies.
   */
  void fastScan(byte[] q, boolean[] allowedModels, int candidates, TopPersons top) {
    int[] table = quantiser.tables(q);
    // The cutoff for about `candidates` codes is predicted from the estimates of a systematic
    // sample, so that one sequential pass can estimate every code and re-rank the candidates at
    // once, touching memory in address order (faster than any pass over a candidate list).
    boolean everyModel = allTrue(allowedModels);
    final long[] s = sketches;
    int step = Math.max(1, size / SAMPLE);
    long[] sample = new long[size / step + 1];
    long[] coarse = new long[sample.length];
    int sampled = 0;
    for (int i = 0; i < size; i += step) {
      if (everyModel || allowedModels[modelSlot[i]]) {
        long first = sum(table, s[2 * i], 0);
        coarse[sampled] = (first << 32) | i;
        sample[sampled++] = ((first + sum(table, s[2 * i + 1], 8 * 256)) << 32) | i;
      }
    }
    if (sampled == 0) {
      return;
    }
    // Relative to the compatible codes only: the sample holds no others.
    int cutoff = quantile(sample, sampled, candidates / ((double) sampled * step));
    // The first sketch word holds the dimensions of largest spread: a cutoff on it alone, for
    // PREFILTER times as many codes, skips the second word's eight lookups for most codes without
    // losing the candidates (measured: the same recall@5 at 1M codes, about 15 % less time).
    int coarseCutoff =
        quantile(coarse, sampled, PREFILTER * candidates / ((double) sampled * step));
    // Seed the top-k with the best sampled codes: the bound is tight from the first code of the
    // pass, so most candidates are abandoned after one cache line of their code.
    for (int n = 0; n < Math.min(sampled, SEEDS); n++) {
      int i = (int) sample[n];
      int bound = top.bound();
      int d = distance(q, codes, i * D, bound);
      if (d < bound) {
        top.offer(d, personSlot[i]);
      }
    }
    final byte[] c = codes;
    for (int i = 0; i < size; i++) {
      if (everyModel || allowedModels[modelSlot[i]]) {
        int first = sum(table, s[2 * i], 0);
        if (first <= coarseCutoff && first + sum(table, s[2 * i + 1], 8 * 256) <= cutoff) {
          int bound = top.bound();
          int d = distance(q, c, i * D, bound);
          if (d < bound) {
            top.offer(d, personSlot[i]);
          }
        }
      }
    }
  }

  /** Sorts the packed (estimate, position) entries and returns the estimate at {@code fraction}. */
  private static int quantile(long[] packed, int n, double fraction) {
    Arrays.sort(packed, 0, n);
    return (int) (packed[Math.min(n - 1, (int) Math.ceil(fraction * n))] >> 32);
  }

  /** How many more codes pass the first word's cutoff than the full sketch's. */
  private static final int PREFILTER = 8;

  /** Codes whose estimate predicts the fast search's cutoff. */
  private static final int SAMPLE = 16_384;

  /** Best sampled codes re-ranked before the pass, to start it with a tight bound. */
  private static final int SEEDS = 64;

  private static boolean allTrue(boolean[] a) {
    for (boolean b : a) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  private static int sum(int[] table, long bits, int offset) {
    return table[offset + (int) (bits & 0xff)]
        + table[offset + 256 + (int) ((bits >>> 8) & 0xff)]
        + table[offset + 512 + (int) ((bits >>> 16) & 0xff)]
        + table[offset + 768 + (int) ((bits >>> 24) & 0xff)]
        + table[offset + 1024 + (int) ((bits >>> 32) & 0xff)]
        + table[offset + 1280 + (int) ((bits >>> 40) & 0xff)]
        + table[offset + 1536 + (int) ((bits >>> 48) & 0xff)]
        + table[offset + 1792 + (int) (bits >>> 56)];
  }

  /** Heap bytes held by the arrays (capacity, not size). */
  long heapBytes() {
    return (long) codes.length
        + 8L * sketches.length
        + 4L * personSlot.length
        + 2L * modelSlot.length;
  }
}
