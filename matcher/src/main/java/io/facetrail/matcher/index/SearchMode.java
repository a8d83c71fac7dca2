package io.facetrail.matcher.index;

/** How {@link GalleryIndex#search} scans. */
public enum SearchMode {
  /** Exact scan of every code on the calling thread. */
  EXACT,
  /** Exact scan split over the index's thread pool. */
  EXACT_PARALLEL,
  /** Sign-code Hamming prefilter, then the exact distance of the best candidates. */
  FAST,
  /** {@link #FAST} for galleries of at least the configured size, else {@link #EXACT}. */
  AUTO
}
