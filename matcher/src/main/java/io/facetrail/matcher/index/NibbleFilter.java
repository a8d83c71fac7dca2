package io.facetrail.matcher.index;

import java.util.Objects;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast search's pass in SIMD registers (the "fast scan" of 4-bit product quantisers): for the
 * {@link SketchBlocks} of 64 codes, each 16-entry {@link NibbleTables} table is looked up for a
 * whole vector of codes at once by a byte shuffle ({@code vpermb} / {@code pshufb}), and the 32
 * 8-bit values per code are summed in 16-bit lanes: about one instruction per code and table
 * instead of a scalar load, shift and add. Loaded only when {@code jdk.incubator.vector} is in the
 * boot layer ({@link FastScan#SIMD}); without intrinsics the API computes the same sums, slowly.
 */
final class NibbleFilter {
  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Short> SHORTS =
      VectorSpecies.of(short.class, BYTES.vectorShape());

  private NibbleFilter() {}

  /** The vector shape in use. */
  static String species() {
    return BYTES.toString();
  }

  /**
   * Whether the preferred vector holds a whole 16-entry table (its indices 0-15 are then always in
   * range) and divides a block's run, and a table's stride covers it.
   */
  static boolean usable() {
    return BYTES.length() >= 16
        && SketchBlocks.BLOCK % BYTES.length() == 0
        && BYTES.length() <= NibbleTables.STRIDE;
  }

  /**
   * Writes to {@code out}, in ascending order, the positions in blocks {@code [from, to)} whose
   * quantised estimate is at most {@code coarse} over the first eight sketch bytes and at most
   * {@code fine} over all sixteen; returns how many. {@code out} must hold {@code 64 * (to - from)}
   * entries; both cutoffs must lie in {@code [-1, 8160]} (the largest sum is 32 * 255).
   */
  static int filter(
      byte[] blocks, int from, int to, byte[] tables, int coarse, int fine, int[] out) {
    // Every vector access below stays inside these ranges; checked once here because the JVMs that
    // run this pass turn the Vector API's own per-access checks off (FastScan#SIMD).
    Objects.checkFromToIndex(
        from * SketchBlocks.BLOCK_BYTES, to * SketchBlocks.BLOCK_BYTES, blocks.length);
    Objects.checkFromIndexSize(0, NibbleTables.TABLES * NibbleTables.STRIDE, tables.length);
    Objects.checkFromIndexSize(0, (to - from) * SketchBlocks.BLOCK, out.length);
    int vl = BYTES.length();
    short coarseEnd = (short) (coarse + 1);
    short fineEnd = (short) (fine + 1);
    // Per code of a block: negative when it passes both cutoffs.
    short[] verdict = new short[SketchBlocks.BLOCK];
    int found = 0;
    for (int b = from; b < to; b++) {
      int base = b * SketchBlocks.BLOCK_BYTES;
      boolean any = false;
      for (int part = 0; part < SketchBlocks.BLOCK; part += vl) {
        // Each 16-bit lane holds two codes: code j in its low byte, code j + 32 in its high one.
        // `all` adds whole lanes (the low codes' sums, plus 256 times the high codes' sums, modulo
        // 2^16), `hi` the high bytes alone: the low sums are then all - (hi << 8), exactly.
        ShortVector all = ShortVector.zero(SHORTS);
        ShortVector hi = all;
        for (int p = 0; p < 8; p++) {
          ByteVector v = ByteVector.fromArray(BYTES, blocks, base + p * SketchBlocks.BLOCK + part);
          ShortVector a = v.and((byte) 0x0f).selectFrom(table(tables, 2 * p)).reinterpretAsShorts();
          ShortVector c =
              v.lanewise(VectorOperators.LSHR, 4)
                  .and((byte) 0x0f)
                  .selectFrom(table(tables, 2 * p + 1))
                  .reinterpretAsShorts();
          all = all.add(a).add(c);
          hi = hi.add(a.lanewise(VectorOperators.LSHR, 8)).add(c.lanewise(VectorOperators.LSHR, 8));
        }
        // Sign bits as verdicts: sum - (cutoff + 1) is negative when the sum is under the cutoff,
        // and the AND of two such differences when both are (no mask operations, which this JDK
        // does not compile to mask registers).
        ShortVector lowVerdict = lows(all, hi).sub(coarseEnd);
        ShortVector highVerdict = hi.sub(coarseEnd);
        for (int p = 8; p < SketchBlocks.RUNS; p++) {
          ByteVector v = ByteVector.fromArray(BYTES, blocks, base + p * SketchBlocks.BLOCK + part);
          ShortVector a = v.and((byte) 0x0f).selectFrom(table(tables, 2 * p)).reinterpretAsShorts();
          ShortVector c =
              v.lanewise(VectorOperators.LSHR, 4)
                  .and((byte) 0x0f)
                  .selectFrom(table(tables, 2 * p + 1))
                  .reinterpretAsShorts();
          all = all.add(a).add(c);
          hi = hi.add(a.lanewise(VectorOperators.LSHR, 8)).add(c.lanewise(VectorOperators.LSHR, 8));
        }
        lowVerdict = lowVerdict.and(lows(all, hi).sub(fineEnd));
        highVerdict = highVerdict.and(hi.sub(fineEnd));
        lowVerdict.intoArray(verdict, part / 2);
        highVerdict.intoArray(verdict, SketchBlocks.BLOCK / 2 + part / 2);
        any |= lowVerdict.or(highVerdict).compare(VectorOperators.LT, (short) 0).anyTrue();
      }
      // Most blocks hold no candidate: only the others are read back lane by lane.
      if (any) {
        int first = b * SketchBlocks.BLOCK;
        for (int l = 0; l < SketchBlocks.BLOCK; l++) {
          if (verdict[l] < 0) {
            out[found++] = first + l;
          }
        }
      }
    }
    return found;
  }

  /**
   * Table {@code k}, loaded where it is used: the JIT keeps what fits in registers, and an array of
   * vectors would hold them boxed.
   */
  private static ByteVector table(byte[] tables, int k) {
    return ByteVector.fromArray(BYTES, tables, k * NibbleTables.STRIDE);
  }

  private static ShortVector lows(ShortVector all, ShortVector hi) {
    return all.sub(hi.lanewise(VectorOperators.LSHL, 8));
  }
}
