package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanningDetectorTest {
  @Test
  void tilesCoverTheAxisAndEndFlushWithTheEdge() {
    assertThat(TileGrid.starts(1920, 683, 171)).containsExactly(0, 512, 1024, 1237);
    assertThat(TileGrid.starts(500, 683, 171)).containsExactly(0);
  }
}
