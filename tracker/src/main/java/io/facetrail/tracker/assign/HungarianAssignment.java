package io.facetrail.tracker.assign;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows to columns by the Hungarian method with potentials and shortest
 * augmenting paths (Kuhn-Munkres in the O(n² m) form of Jonker and Volgenant), for rectangular
 * matrices.
 *
 * <p>A pair may be forbidden by the cost {@link #FORBIDDEN} (gating). The result first maximises
 * the number of allowed pairs and then minimises their total cost; forbidden pairs are never
 * returned. No library on Maven Central offers a well-kept Hungarian solver (commons-math has
 * none), and the algorithm is 60 lines.
 */
public final class HungarianAssignment {
  /** Cost of a pair that must not be assigned. */
  public static final double FORBIDDEN = Double.POSITIVE_INFINITY;

  /** Marks an unassigned row in the result. */
  public static final int UNASSIGNED = -1;

  private HungarianAssignment() {}

  /**
   * Solves the assignment.
   *
   * @param cost {@code cost[row][col]}, finite and not negative, or {@link #FORBIDDEN}
   * @return for each row the assigned column, or {@link #UNASSIGNED}
   */
  public static int[] solve(double[][] cost) {
    int rows = cost.length;
    if (rows == 0) {
      return new int[0];
    }
    int cols = cost[0].length;
    int[] result = new int[rows];
    Arrays.fill(result, UNASSIGNED);
    if (cols == 0) {
      return result;
    }
    double maxFinite = 0;
    for (double[] row : cost) {
      if (row.length != cols) {
        throw new IllegalArgumentException("cost matrix rows differ in length");
      }
      for (double c : row) {
        if (c == FORBIDDEN) {
          continue;
        }
        if (!(c >= 0) || Double.isInfinite(c)) {
          throw new IllegalArgumentException("costs must be finite and >= 0 or FORBIDDEN: " + c);
        }
        maxFinite = Math.max(maxFinite, c);
      }
    }
    // Larger than any sum of allowed costs: one forbidden pair costs more than all allowed ones.
    double big = (maxFinite + 1) * (Math.min(rows, cols) + 1);
    boolean transpose = rows > cols;
    int n = transpose ? cols : rows;
    int m = transpose ? rows : cols;
    double[][] a = new double[n + 1][m + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double c = transpose ? cost[j][i] : cost[i][j];
        a[i + 1][j + 1] = c == FORBIDDEN ? big : c;
      }
    }
    int[] colOwner = minimise(a, n, m);
    for (int j = 1; j <= m; j++) {
      int i = colOwner[j];
      if (i == 0 || a[i][j] >= big) {
        continue;
      }
      if (transpose) {
        result[j - 1] = i - 1;
      } else {
        result[i - 1] = j - 1;
      }
    }
    return result;
  }

  /** Rows 1..n, columns 1..m (n <= m), 1-based; returns the row owning each column (0 = none). */
  private static int[] minimise(double[][] a, int n, int m) {
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] p = new int[m + 1];
    int[] way = new int[m + 1];
    double[] minv = new double[m + 1];
    boolean[] used = new boolean[m + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      Arrays.fill(used, false);
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double cur = a[i0][j] - u[i0] - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    return p;
  }
}
