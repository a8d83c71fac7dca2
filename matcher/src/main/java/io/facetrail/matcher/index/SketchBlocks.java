package io.facetrail.matcher.index;

import java.util.Arrays;

/**
 * The 16-byte sketches of all codes ({@link CodeQuantiser}) in blocks of {@link #BLOCK} codes laid
 * out for {@link NibbleFilter}: in a block, byte {@code p} of every code's sketch sits in one run
 * of 64 bytes, so one vector load brings byte {@code p} of many codes, whose low and high nibbles
 * then index two 16-entry tables held in a register. Within a run, code {@code l} of the block sits
 * at byte {@code 2l} (for {@code l < 32}) or {@code 2(l - 32) + 1}: the even bytes of a run are the
 * low halves of 16-bit lanes and the odd bytes the high halves, so the filter sums codes 0-31 and
 * 32-63 of a block in two vectors of 16-bit lanes without any widening shuffle, and each comes out
 * in code order. The scalar pass reads the same bytes one at a time (its tables are byte-indexed,
 * so it needs no whole words). Sixteen bytes per code, as two {@code long}s were; positions beyond
 * the table's size hold stale or zero bytes the callers never read.
 */
final class SketchBlocks {
  /** Codes per block. */
  static final int BLOCK = 64;

  /** Sketch bytes per code. */
  static final int RUNS = 16;

  /** Bytes per block: one run of {@link #BLOCK} bytes per sketch byte. */
  static final int BLOCK_BYTES = RUNS * BLOCK;

  byte[] bytes = new byte[0];

  /** Grows to hold at least {@code codes} codes (whole blocks). */
  void ensureCapacity(int codes) {
    long needed = (long) ((codes + BLOCK - 1) / BLOCK) * BLOCK_BYTES;
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many codes for one sketch array: " + codes);
    }
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) needed);
    }
  }

  /**
   * Index of byte 0 of the sketch of the code at {@code at}; byte {@code p} is {@code p * BLOCK}
   * further.
   */
  static int offset(int at) {
    int lane = at & (BLOCK - 1);
    return (at / BLOCK) * BLOCK_BYTES + (lane < 32 ? 2 * lane : 2 * (lane - 32) + 1);
  }

  /** Stores the sketch words {@code lo} (bytes 0-7) and {@code hi} (bytes 8-15) at {@code at}. */
  void set(int at, long lo, long hi) {
    int o = offset(at);
    for (int p = 0; p < 8; p++) {
      bytes[o + p * BLOCK] = (byte) (lo >>> (8 * p));
      bytes[o + (p + 8) * BLOCK] = (byte) (hi >>> (8 * p));
    }
  }

  /** Sketch word {@code w} (0: bytes 0-7, 1: bytes 8-15) of the code at {@code at}. */
  long word(int at, int w) {
    int o = offset(at) + 8 * w * BLOCK;
    long word = 0;
    for (int p = 0; p < 8; p++) {
      word |= (bytes[o + p * BLOCK] & 0xffL) << (8 * p);
    }
    return word;
  }

  /** Copies the sketch at {@code from} to {@code to} (removal fills holes with the last code). */
  void move(int from, int to) {
    int src = offset(from);
    int dst = offset(to);
    for (int p = 0; p < RUNS; p++) {
      bytes[dst + p * BLOCK] = bytes[src + p * BLOCK];
    }
  }

  long heapBytes() {
    return bytes.length;
  }
}
