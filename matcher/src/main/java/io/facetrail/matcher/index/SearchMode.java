package io.facetrail.matcher.index;

/** How {@link GalleryIndex#search} scans. */
public enum SearchMode {
  /** Exact scan of every code on the calling thread. */
  EXACT,
  /** Exact scan split over the index's thread pool. */
  EXACT_PARALLEL,
  /**
   * Estimates from a quantised sketch of every code (a SIMD pass when {@code jdk.incubator.vector}
   * is loaded), then the exact distance of the best candidates.
   */
  FAST,
  /**
   * {@link #FAST} with the scalar pass even when the vector one is available: the same results
   * (benchmarks compare the two).
   */
  FAST_SCALAR,
  /** {@link #FAST} for galleries of at least the configured size, else {@link #EXACT}. */
  AUTO
}
