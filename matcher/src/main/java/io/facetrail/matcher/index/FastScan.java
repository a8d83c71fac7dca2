package io.facetrail.matcher.index;

/**
 * The fast search over a {@link CodeTable}. Every code's sketch ({@link CodeQuantiser}) is a coarse
 * reconstruction; the distance from the exact query to it (asymmetric, so the query loses nothing
 * to quantisation) is summed from sixteen byte-indexed tables, ranks every code, and about {@code
 * candidates} of the best are re-ranked with the exact distance. Far better than Hamming distance
 * on sign bits, which weighs every dimension alike and ignores where the query lies.
 *
 * <p>Two passes: the vector pass ({@link NibbleFilter} over {@link SketchBlocks} with 8-bit {@link
 * NibbleTables}, when the JVM allows it: {@link #SIMD}) and the scalar pass (exact table sums,
 * eight lookups per code and eight more for some), kept for other JVMs and for benchmarks. Their
 * estimates differ only by the 8-bit rounding, so their candidates nearly agree.
 */
final class FastScan {
  /**
   * The JDK's switch for the Vector API's index checks. With them on (the default), JDK 17 compiles
   * every table lookup's check of its shuffle indices to a slow sequence: the filter took 3.4 ms
   * per million codes instead of 0.6 ms, slower than the scalar pass. {@link NibbleFilter} checks
   * its ranges itself, and its shuffle indices are 4-bit nibbles, in range by construction.
   */
  static final String INDEX_CHECKS = "jdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK";

  /**
   * Whether the vector pass runs: {@code jdk.incubator.vector} is in the boot layer, its index
   * checks are off ({@code -D}{@value #INDEX_CHECKS}{@code =0}), and its vectors fit a table.
   */
  static final boolean SIMD =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && Integer.getInteger(INDEX_CHECKS, 2) == 0
          && NibbleFilter.usable();

  /** Blocks per call of the vector filter (its output buffer holds 64 positions per block). */
  private static final int CHUNK = 64;

  private FastScan() {}

  static void search(
      CodeTable t, byte[] q, boolean[] allowed, int candidates, boolean vector, TopPersons top) {
    int[] table = t.quantiser.tables(q);
    boolean everyModel = allTrue(allowed);
    NibbleTables nibbles = vector && SIMD ? new NibbleTables(table) : null;
    SampleCutoffs cut = SampleCutoffs.predict(t, table, nibbles, allowed, everyModel, candidates);
    if (cut == null) {
      return;
    }
    Pass pass = new Pass(t, q, allowed, everyModel, cut, top);
    // Seed the top-k with the best sampled codes: the bound is tight from the first code of the
    // pass, so most candidates are abandoned after one cache line of their code.
    for (int i : cut.seeds) {
      pass.consider(i);
    }
    if (nibbles != null) {
      vectorPass(pass, nibbles);
    } else {
      scalarPass(pass, table);
    }
  }

  /**
   * What one search's pass reads and where it puts its results.
   *
   * @param everyModel whether every stored model is comparable with the query's (no check per code)
   */
  private record Pass(
      CodeTable t,
      byte[] q,
      boolean[] allowed,
      boolean everyModel,
      SampleCutoffs cut,
      TopPersons top) {
    /** Whether the code at {@code i} is of a model the query may be compared with. */
    boolean comparable(int i) {
      return everyModel || allowed[t.modelSlot[i]];
    }

    /** Re-ranks the code at {@code i} with the exact distance. */
    void consider(int i) {
      int bound = top.bound();
      int d = CodeTable.distance(q, t.codes, i * CodeTable.D, bound);
      if (d < bound) {
        top.offer(d, t.personSlot[i], t.modelSlot[i]);
      }
    }
  }

  /**
   * Filters whole blocks in SIMD registers on the quantised estimates (whose cutoffs the sample
   * predicted in the same units), and the last, partly filled block one code at a time.
   */
  private static void vectorPass(Pass p, NibbleTables nibbles) {
    CodeTable t = p.t();
    SampleCutoffs cut = p.cut();
    int blocks = t.size / SketchBlocks.BLOCK;
    int[] out = new int[CHUNK * SketchBlocks.BLOCK];
    byte[] s = t.sketches.bytes;
    for (int b = 0; b < blocks; b += CHUNK) {
      int to = Math.min(blocks, b + CHUNK);
      int n = NibbleFilter.filter(s, b, to, nibbles.bytes, cut.coarse, cut.fine, out);
      for (int j = 0; j < n; j++) {
        int i = out[j];
        if (p.comparable(i)) {
          p.consider(i);
        }
      }
    }
    for (int i = blocks * SketchBlocks.BLOCK; i < t.size; i++) {
      int o = SketchBlocks.offset(i);
      if (p.comparable(i)
          && nibbles.estimate(s, o, 8) <= cut.coarse
          && nibbles.estimate(s, o, SketchBlocks.RUNS) <= cut.fine) {
        p.consider(i);
      }
    }
  }

  /** Eight exact table lookups per code, eight more for codes under the first word's cutoff. */
  private static void scalarPass(Pass p, int[] table) {
    final int size = p.t().size;
    for (int first = 0; first < size; first += SketchBlocks.BLOCK) {
      int base = SketchBlocks.offset(first);
      int n = Math.min(SketchBlocks.BLOCK, size - first);
      // A block's codes 0-31 at even bytes of each run, 32-63 at odd ones (SketchBlocks): two
      // loops with offsets linear in the lane, in code order.
      scalarLanes(p, table, first, Math.min(n, 32), base);
      if (n > 32) {
        scalarLanes(p, table, first + 32, n - 32, base + 1);
      }
    }
  }

  private static void scalarLanes(Pass p, int[] table, int first, int lanes, int base) {
    final byte[] s = p.t().sketches.bytes;
    final int coarse = p.cut().coarse;
    final int fine = p.cut().fine;
    for (int l = 0; l < lanes; l++) {
      int i = first + l;
      if (p.comparable(i)) {
        int o = base + 2 * l;
        int estimate = sum(table, s, o, 0);
        // The first word holds the dimensions of largest spread: its cutoff skips the second
        // word's eight lookups for most codes without losing the candidates.
        if (estimate <= coarse && estimate + sum(table, s, o, 8) <= fine) {
          p.consider(i);
        }
      }
    }
  }

  private static boolean allTrue(boolean[] a) {
    for (boolean b : a) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  /**
   * The exact estimate of sketch bytes {@code [from, from + 8)} of the code whose byte 0 is at
   * {@code o} in {@code blocks}: eight byte-indexed lookups.
   */
  static int sum(int[] table, byte[] blocks, int o, int from) {
    int at = o + from * SketchBlocks.BLOCK;
    int t = from * 256;
    return table[t + (blocks[at] & 0xff)]
        + table[t + 256 + (blocks[at + 64] & 0xff)]
        + table[t + 512 + (blocks[at + 128] & 0xff)]
        + table[t + 768 + (blocks[at + 192] & 0xff)]
        + table[t + 1024 + (blocks[at + 256] & 0xff)]
        + table[t + 1280 + (blocks[at + 320] & 0xff)]
        + table[t + 1536 + (blocks[at + 384] & 0xff)]
        + table[t + 1792 + (blocks[at + 448] & 0xff)];
  }
}
