package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlazeModelTest {
  /** The graphs' heads are reshaped to these counts: 16x16x2 + 8x8x6, and 48x48x1. */
  @Test
  void anchorCountsMatchTheGraphsHeads() {
    assertThat(BlazeModel.BLAZEFACE_BACK.anchors()).hasSize(2 * 896);
    assertThat(BlazeModel.MEDIAPIPE_FULL.anchors()).hasSize(2 * 2304);
  }

  /** Rows run cell by cell, row-major, every anchor of a cell at its centre. */
  @Test
  void anchorsAreCellCentresInRowOrder() {
    float[] a = BlazeModel.BLAZEFACE_BACK.anchors();
    // first cell (stride 16), twice; then the second cell of the first row
    assertThat(a[0]).isEqualTo(8f);
    assertThat(a[1]).isEqualTo(8f);
    assertThat(a[2]).isEqualTo(8f);
    assertThat(a[4]).isEqualTo(24f);
    assertThat(a[5]).isEqualTo(8f);
    // the first anchor of the stride-32 grid follows the 512 of the stride-16 grid
    assertThat(a[2 * 512]).isEqualTo(16f);
    assertThat(a[2 * 512 + 1]).isEqualTo(16f);
    float[] f = BlazeModel.MEDIAPIPE_FULL.anchors();
    assertThat(f[2 * 48]).isEqualTo(2f);
    assertThat(f[2 * 48 + 1]).isEqualTo(6f);
  }
}
