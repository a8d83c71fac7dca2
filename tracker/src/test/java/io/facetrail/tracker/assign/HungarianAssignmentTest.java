package io.facetrail.tracker.assign;

import static io.facetrail.tracker.assign.HungarianAssignment.FORBIDDEN;
import static io.facetrail.tracker.assign.HungarianAssignment.UNASSIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianAssignmentTest {
  @Test
  void solvesTheTextbookExample() {
    double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
    assertThat(HungarianAssignment.solve(cost)).containsExactly(1, 0, 2);
  }

  @Test
  void greedyWouldBeWrongHere() {
    // Greedy takes (0,0)=1 and is then forced into (1,1)=100; optimal is 2 + 3.
    double[][] cost = {{1, 2}, {3, 100}};
    assertThat(HungarianAssignment.solve(cost)).containsExactly(1, 0);
  }

  @Test
  void leavesRowsUnassignedWhenOnlyForbiddenPairsRemain() {
    double[][] cost = {{FORBIDDEN, 1}, {FORBIDDEN, 2}, {0.5, FORBIDDEN}};
    int[] a = HungarianAssignment.solve(cost);
    assertThat(a).containsExactly(1, UNASSIGNED, 0);
  }

  @Test
  void handlesEmptyAndRectangularMatrices() {
    assertThat(HungarianAssignment.solve(new double[0][0])).isEmpty();
    assertThat(HungarianAssignment.solve(new double[][] {{}, {}})).containsExactly(-1, -1);
    assertThat(HungarianAssignment.solve(new double[][] {{5, 1, 7, 0.5}})).containsExactly(3);
    assertThat(HungarianAssignment.solve(new double[][] {{5}, {1}, {7}}))
        .containsExactly(UNASSIGNED, 0, UNASSIGNED);
  }

  @Test
  void refusesNegativeOrNanCosts() {
    assertThatThrownBy(() -> HungarianAssignment.solve(new double[][] {{-1}}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HungarianAssignment.solve(new double[][] {{Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesBruteForceOnRandomMatrices() {
    Random sizes = new Random(42);
    for (int trial = 0; trial < 500; trial++) {
      checkAgainstBruteForce(1 + sizes.nextInt(6), 1 + sizes.nextInt(6), sizes.nextLong());
    }
  }

  private static void checkAgainstBruteForce(int rows, int cols, long seed) {
    Random random = new Random(seed);
    double[][] cost = new double[rows][cols];
    for (double[] row : cost) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextInt(4) == 0 ? FORBIDDEN : random.nextInt(100) / 10.0;
      }
    }
    int[] got = HungarianAssignment.solve(cost);
    double[] best = bruteForce(cost, 0, new boolean[cols]);
    double[] mine = score(cost, got);
    assertThat(mine[0]).as("number of pairs").isEqualTo(best[0]);
    assertThat(mine[1]).as("total cost").isCloseTo(best[1], within(1e-9));
    boolean[] usedCols = new boolean[cols];
    for (int c : got) {
      if (c != UNASSIGNED) {
        assertThat(cost[0].length).isGreaterThan(c);
        assertThat(usedCols[c]).as("column used twice").isFalse();
        usedCols[c] = true;
      }
    }
  }

  private static double[] score(double[][] cost, int[] assignment) {
    double pairs = 0;
    double total = 0;
    for (int r = 0; r < assignment.length; r++) {
      if (assignment[r] != UNASSIGNED) {
        assertThat(cost[r][assignment[r]]).isNotEqualTo(FORBIDDEN);
        pairs++;
        total += cost[r][assignment[r]];
      }
    }
    return new double[] {pairs, total};
  }

  /** Best (most pairs, then least cost) over every partial assignment of rows from {@code row}. */
  private static double[] bruteForce(double[][] cost, int row, boolean[] used) {
    if (row == cost.length) {
      return new double[] {0, 0};
    }
    double[] best = bruteForce(cost, row + 1, used);
    for (int c = 0; c < used.length; c++) {
      if (!used[c] && cost[row][c] != FORBIDDEN) {
        used[c] = true;
        double[] rest = bruteForce(cost, row + 1, used);
        used[c] = false;
        double pairs = rest[0] + 1;
        double total = rest[1] + cost[row][c];
        if (pairs > best[0] || (pairs == best[0] && total < best[1] - 1e-12)) {
          best = new double[] {pairs, total};
        }
      }
    }
    return best;
  }
}
