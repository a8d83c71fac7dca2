package io.facetrail.faces.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChipJitterTest {
  @Test
  void movesStayWithinDlibsRanges() {
    List<ChipJitter.Move> moves = ChipJitter.moves(200, 150);
    assertThat(moves).hasSize(200);
    double centre = 74.5;
    for (ChipJitter.Move m : moves) {
      SimilarityTransform back = m.chipToJittered().inverse();
      // The jittered chip shows 96-98% of the chip's width: the face 1-4% larger.
      assertThat(back.scale()).isBetween(144 / 150.0, 144 / 0.97 / 150);
      assertThat(Math.abs(Math.toDegrees(back.angle()))).isLessThanOrEqualTo(3);
      // Its centre samples the chip within 2% of 144 px of the chip's centre.
      assertThat(back.applyX(centre, centre)).isCloseTo(centre, offset(0.02 * 144 + 1e-9));
      assertThat(back.applyY(centre, centre)).isCloseTo(centre, offset(0.02 * 144 + 1e-9));
    }
    long mirrored = moves.stream().filter(ChipJitter.Move::mirrored).count();
    assertThat(mirrored).isBetween(70L, 130L);
  }

  @Test
  void theSameCountGivesTheSameMoves() {
    assertThat(ChipJitter.moves(16, 150)).isEqualTo(ChipJitter.moves(16, 150));
  }
}
