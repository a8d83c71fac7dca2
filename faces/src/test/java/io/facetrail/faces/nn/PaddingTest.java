package io.facetrail.faces.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaddingTest {
  @Test
  void tensorFlowSamePutsTheOddPixelAfter() {
    assertThat(Padding.SAME.amounts(112, 3, 2)).containsExactly(0, 1);
    assertThat(Padding.SAME.amounts(35, 3, 1)).containsExactly(1, 1);
    assertThat(Padding.SAME.amounts(13, 3, 2)).containsExactly(1, 1);
    assertThat(Padding.SAME.outputSize(112, 3, 2)).isEqualTo(56);
    assertThat(Padding.VALID.outputSize(150, 7, 2)).isEqualTo(72);
    assertThat(Padding.VALID.amounts(150, 7, 2)).containsExactly(0, 0);
  }
}
