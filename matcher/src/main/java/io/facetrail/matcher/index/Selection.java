package io.facetrail.matcher.index;

/** Quickselect on packed long entries: the k-th smallest without sorting the rest. */
final class Selection {
  private Selection() {}

  /**
   * Reorders {@code a[0, n)} so that {@code a[k]} is the entry a sort would put there, every entry
   * before it is at most it and every entry after it at least it.
   */
  static void select(long[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (hi > lo) {
      // Median of three: the estimates arrive in gallery order, which may be partly sorted.
      int mid = (lo + hi) >>> 1;
      long pivot = median(a[lo], a[mid], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long x = a[i];
          a[i] = a[j];
          a[j] = x;
          i++;
          j--;
        }
      }
      // Now a[lo..j] <= pivot <= a[i..hi], and entries strictly between j and i equal the pivot.
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static long median(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
