package io.facetrail.matcher.index;

/** How the fast search works on this JVM, for benchmark reports. */
public final class FastSearch {
  private FastSearch() {}

  /** How a code is sketched. */
  public static String sketch() {
    return "2 bits x "
        + CodeQuantiser.TWO_BIT_DIMS
        + " dims, 1 bit x "
        + (128 - 2 * CodeQuantiser.TWO_BIT_DIMS)
        + " dims, none for the "
        + CodeQuantiser.TWO_BIT_DIMS
        + " dims of least spread";
  }

  /** Which first pass {@link SearchMode#FAST} runs here. */
  public static String pass() {
    return FastScan.SIMD
        ? "vector (" + NibbleFilter.species() + ")"
        : "scalar (needs --add-modules jdk.incubator.vector -D"
            + FastScan.INDEX_CHECKS
            + "=0 and vectors of at least 16 bytes for the vector pass)";
  }
}
