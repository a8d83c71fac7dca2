package io.facetrail.matcher.index;

import io.facetrail.contracts.code.FaceCode;
import java.util.Arrays;

/**
 * Codes packed in primitive arrays: 128 code bytes, a 128-bit sketch ({@link CodeQuantiser}, in
 * {@link SketchBlocks}), the owner's person slot and the model slot, about 150 bytes per code in
 * total. Removal moves the last code into the hole, so the arrays stay dense and scans touch no
 * gaps. Not thread-safe: {@link GalleryIndex} guards it.
 */
final class CodeTable {
  static final int D = FaceCode.DIMENSIONS;

  byte[] codes = new byte[0];

  /** The codes' sketches, blocked for the fast search's passes. */
  final SketchBlocks sketches = new SketchBlocks();

  /** Encoder output before it is spread over the blocks. */
  private final long[] words = new long[2];

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
    quantiser.encode(code, 0, words, 0);
    sketches.set(at, words[0], words[1]);
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
      sketches.move(last, at);
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
    personSlot = Arrays.copyOf(personSlot, cap);
    modelSlot = Arrays.copyOf(modelSlot, cap);
    sketches.ensureCapacity(cap);
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
        top.offer(d, personSlot[i], modelSlot[i]);
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
      quantiser.encode(codes, i * D, words, 0);
      sketches.set(i, words[0], words[1]);
    }
  }

  /** The fast search ({@link FastScan}); {@code vector} picks the vector pass when available. */
  void fastScan(byte[] q, boolean[] allowedModels, int candidates, boolean vector, TopPersons top) {
    FastScan.search(this, q, allowedModels, candidates, vector, top);
  }

  /** Heap bytes held by the arrays (capacity, not size). */
  long heapBytes() {
    return (long) codes.length
        + 4L * personSlot.length
        + 2L * modelSlot.length
        + sketches.heapBytes();
  }
}
