package io.facetrail.matcher.index;

/**
 * A query's sketch lookup tables ({@link CodeQuantiser#tables}) cut to 32 tables of 16 entries, one
 * per nibble of the sketch (two two-bit or four one-bit fields), and quantised to 8 bits for {@link
 * NibbleFilter}: entry {@code floor((t_k(v) - min t_k) * 255 / R)}, with {@code R} the largest
 * range of any of the tables, so that every table is on one scale and sums of them compare like the
 * exact estimates do, up to the rounding (less than one step of {@code R / 255} per table). Sums of
 * 32 entries stay under 2^13, so they fit 16-bit lanes.
 */
final class NibbleTables {
  /** Bytes from one table to the next: a whole 512-bit vector, so any species can load one. */
  static final int STRIDE = 64;

  /** Nibble tables: two per sketch byte (low nibble first). */
  static final int TABLES = 2 * SketchBlocks.RUNS;

  /**
   * The quantised tables, table {@code k} (nibble {@code k} of the sketch) at {@code k * STRIDE}.
   */
  final byte[] bytes = new byte[TABLES * STRIDE];

  /**
   * The same quantised values summed per sketch byte ({@code [p * 256 + v]}: both nibbles of byte
   * {@code p} when it is {@code v}), so that one code at a time costs one lookup per byte.
   */
  private final int[] byteSums = new int[SketchBlocks.RUNS * 256];

  /** The largest range of a table (at least 1): the exact value of 255 quantised steps. */
  final long range;

  /**
   * @param table the sixteen 256-entry tables of {@link CodeQuantiser#tables}
   */
  NibbleTables(int[] table) {
    int[][] exact = new int[TABLES][16];
    for (int b = 0; b < SketchBlocks.RUNS; b++) {
      int base = b * 256;
      // Byte b's entry for value (h << 4 | l) is L(l) + H(h) (its fields are independent), so
      // t[l] = L(l) + H(0) and t[h << 4] - t[0] = H(h) - H(0) sum to it exactly.
      for (int v = 0; v < 16; v++) {
        exact[2 * b][v] = table[base + v];
        exact[2 * b + 1][v] = table[base + (v << 4)] - table[base];
      }
    }
    int[] min = new int[TABLES];
    long widest = 1;
    for (int k = 0; k < TABLES; k++) {
      int lo = Integer.MAX_VALUE;
      int hi = Integer.MIN_VALUE;
      for (int v : exact[k]) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      min[k] = lo;
      widest = Math.max(widest, (long) hi - lo);
    }
    range = widest;
    for (int k = 0; k < TABLES; k++) {
      for (int v = 0; v < 16; v++) {
        bytes[k * STRIDE + v] = (byte) ((exact[k][v] - (long) min[k]) * 255 / range);
      }
    }
    for (int p = 0; p < SketchBlocks.RUNS; p++) {
      for (int v = 0; v < 256; v++) {
        byteSums[p * 256 + v] =
            (bytes[2 * p * STRIDE + (v & 0xf)] & 0xff)
                + (bytes[(2 * p + 1) * STRIDE + (v >>> 4)] & 0xff);
      }
    }
  }

  /**
   * The quantised estimate of sketch bytes {@code [0, runs)} of the code whose byte 0 is at {@code
   * o} in {@link SketchBlocks#bytes}: the filter's value, one code at a time (the sample, tests).
   */
  int estimate(byte[] blocks, int o, int runs) {
    int s = 0;
    for (int p = 0; p < runs; p++) {
      s += byteSums[p * 256 + (blocks[o + p * SketchBlocks.BLOCK] & 0xff)];
    }
    return s;
  }
}
