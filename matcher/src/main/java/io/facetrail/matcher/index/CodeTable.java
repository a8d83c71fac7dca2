package io.facetrail.matcher.index;

import io.facetrail.contracts.code.FaceCode;
import java.util.Arrays;

/**
 * Codes packed in primitive arrays: 128 code bytes, a 128-bit sign code (two longs), the owner's
 * person slot and the model slot, about 150 bytes per code in total. Removal moves the last code
 * into the hole, so the arrays stay dense and scans touch no gaps. Not thread-safe: {@link
 * GalleryIndex} guards it.
 */
final class CodeTable {
  static final int D = FaceCode.DIMENSIONS;

  byte[] codes = new byte[0];
  long[] signs = new long[0];
  int[] personSlot = new int[0];
  short[] modelSlot = new short[0];
  int size;

  /**
   * Per-dimension centre the sign bits are taken against. Face embeddings share a common mean
   * direction, so signs against zero are nearly constant and carry little information; signs
   * against the gallery's mean split every dimension roughly in half.
   */
  byte[] centre = new byte[D];

  /** Per-dimension mean absolute deviation from the centre: the fast search's reconstruction. */
  int[] spread = new int[D];

  /** Appends a code; returns its position. */
  int add(byte[] code, int person, short model) {
    ensureCapacity(size + 1);
    int at = size++;
    System.arraycopy(code, 0, codes, at * D, D);
    long[] s = signsOf(code, 0);
    signs[2 * at] = s[0];
    signs[2 * at + 1] = s[1];
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
      signs[2 * at] = signs[2 * last];
      signs[2 * at + 1] = signs[2 * last + 1];
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
    signs = Arrays.copyOf(signs, cap * 2);
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

  /** The sign bits of the code at {@code base} in {@code code} against the centre. */
  long[] signsOf(byte[] code, int base) {
    long lo = 0;
    long hi = 0;
    for (int j = 0; j < 64; j++) {
      if (code[base + j] > centre[j]) {
        lo |= 1L << j;
      }
      if (code[base + j + 64] > centre[j + 64]) {
        hi |= 1L << j;
      }
    }
    return new long[] {lo, hi};
  }

  /** Moves the centre to the mean of the stored codes and recomputes every sign code. */
  void recentre() {
    if (size == 0) {
      return;
    }
    long[] sum = new long[D];
    for (int i = 0; i < size; i++) {
      int base = i * D;
      for (int j = 0; j < D; j++) {
        sum[j] += codes[base + j];
      }
    }
    for (int j = 0; j < D; j++) {
      centre[j] = (byte) Math.round(sum[j] / (double) size);
    }
    long[] deviation = new long[D];
    for (int i = 0; i < size; i++) {
      int base = i * D;
      for (int j = 0; j < D; j++) {
        deviation[j] += Math.abs(codes[base + j] - centre[j]);
      }
    }
    for (int j = 0; j < D; j++) {
      spread[j] = (int) Math.round(deviation[j] / (double) size);
    }
    for (int i = 0; i < size; i++) {
      long[] s = signsOf(codes, i * D);
      signs[2 * i] = s[0];
      signs[2 * i + 1] = s[1];
    }
  }

  /**
   * Fast search. Each code's sign bits stand for a one-bit quantisation of every dimension: below
   * the centre at {@code centre - spread}, above it at {@code centre + spread}. The distance from
   * the exact query to that reconstruction (asymmetric, so the query loses nothing to quantisation)
   * is summed from sixteen byte-indexed tables, ranks every code, and the {@code candidates} best
   * are re-ranked with the exact distance. Far better than plain Hamming distance, which weighs
   * every dimension alike and ignores where the query lies.
   */
  void fastScan(byte[] q, boolean[] allowedModels, int candidates, TopPersons top) {
    int[] table = new int[16 * 256];
    int base = 0;
    int[] weight = new int[D];
    for (int j = 0; j < D; j++) {
      int below = q[j] - (centre[j] - spread[j]);
      int above = q[j] - (centre[j] + spread[j]);
      base += below * below;
      weight[j] = above * above - below * below;
    }
    for (int b = 0; b < 16; b++) {
      for (int v = 1; v < 256; v++) {
        int low = Integer.numberOfTrailingZeros(v);
        table[b * 256 + v] = table[b * 256 + (v & (v - 1))] + weight[b * 8 + low];
      }
    }
    // The cutoff for about `candidates` codes is predicted from the estimates of a systematic
    // sample, so that one sequential pass can estimate every code and re-rank the candidates at
    // once, touching memory in address order (faster than any pass over a candidate list).
    boolean everyModel = allTrue(allowedModels);
    final long[] s = signs;
    int step = Math.max(1, size / SAMPLE);
    long[] sample = new long[size / step + 1];
    int sampled = 0;
    for (int i = 0; i < size; i += step) {
      if (everyModel || allowedModels[modelSlot[i]]) {
        long e = base + sum(table, s[2 * i], 0) + sum(table, s[2 * i + 1], 8 * 256);
        sample[sampled++] = (e << 32) | i;
      }
    }
    if (sampled == 0) {
      return;
    }
    Arrays.sort(sample, 0, sampled);
    // Relative to the compatible codes only: the sample holds no others.
    double fraction = candidates / ((double) sampled * step);
    int cutoff = (int) (sample[Math.min(sampled - 1, (int) Math.ceil(fraction * sampled))] >> 32);
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
        int e = base + sum(table, s[2 * i], 0) + sum(table, s[2 * i + 1], 8 * 256);
        if (e <= cutoff) {
          int bound = top.bound();
          int d = distance(q, c, i * D, bound);
          if (d < bound) {
            top.offer(d, personSlot[i]);
          }
        }
      }
    }
  }

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
    return (long) codes.length + 8L * signs.length + 4L * personSlot.length + 2L * modelSlot.length;
  }
}
