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

  /** Appends a code; returns its position. */
  int add(byte[] code, int person, short model) {
    ensureCapacity(size + 1);
    int at = size++;
    System.arraycopy(code, 0, codes, at * D, D);
    long lo = 0;
    long hi = 0;
    for (int j = 0; j < 64; j++) {
      if (code[j] > 0) {
        lo |= 1L << j;
      }
      if (code[j + 64] > 0) {
        hi |= 1L << j;
      }
    }
    signs[2 * at] = lo;
    signs[2 * at + 1] = hi;
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

  static long[] signsOf(byte[] code) {
    long lo = 0;
    long hi = 0;
    for (int j = 0; j < 64; j++) {
      if (code[j] > 0) {
        lo |= 1L << j;
      }
      if (code[j + 64] > 0) {
        hi |= 1L << j;
      }
    }
    return new long[] {lo, hi};
  }

  /**
   * Fast search: Hamming distance of sign codes over every compatible code, then the exact distance
   * for the {@code candidates} nearest in Hamming distance.
   *
   * @param hamming scratch of at least {@code size} bytes
   */
  void fastScan(byte[] q, boolean[] allowedModels, int candidates, byte[] hamming, TopPersons top) {
    long[] qs = signsOf(q);
    long qlo = qs[0];
    long qhi = qs[1];
    int[] histogram = new int[D + 2];
    final long[] s = signs;
    for (int i = 0; i < size; i++) {
      int h;
      if (allowedModels[modelSlot[i]]) {
        h = Long.bitCount(s[2 * i] ^ qlo) + Long.bitCount(s[2 * i + 1] ^ qhi);
      } else {
        h = D + 1; // Never a candidate.
      }
      hamming[i] = (byte) h;
      histogram[h]++;
    }
    int cutoff = 0;
    int below = 0;
    while (cutoff <= D && below + histogram[cutoff] < candidates) {
      below += histogram[cutoff];
      cutoff++;
    }
    // Every code under the cutoff, and codes at the cutoff until the candidate budget is used.
    int atCutoffLeft = Math.max(0, candidates - below);
    final byte[] c = codes;
    for (int i = 0; i < size; i++) {
      int h = hamming[i] & 0xff;
      if (h > cutoff || h > D) {
        continue;
      }
      if (h == cutoff) {
        if (atCutoffLeft == 0) {
          continue;
        }
        atCutoffLeft--;
      }
      int d = distance(q, c, i * D, top.bound());
      if (d < top.bound()) {
        top.offer(d, personSlot[i]);
      }
    }
  }

  /** Heap bytes held by the arrays (capacity, not size). */
  long heapBytes() {
    return (long) codes.length + 8L * signs.length + 4L * personSlot.length + 2L * modelSlot.length;
  }
}
