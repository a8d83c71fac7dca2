package io.facetrail.faces.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.facetrail.faces.image.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {
  /** 68 landmarks placed exactly where the template wants them, then moved by {@code t}. */
  static float[] templateLandmarks(SimilarityTransform t) {
    float[] lm = new float[136];
    for (int i = 17; i < 68; i++) {
      double x = FaceTemplate.x(i, FaceAligner.CHIP_SIZE, FaceAligner.DLIB_PADDING);
      double y = FaceTemplate.y(i, FaceAligner.CHIP_SIZE, FaceAligner.DLIB_PADDING);
      lm[2 * i] = (float) t.applyX(x, y);
      lm[2 * i + 1] = (float) t.applyY(x, y);
    }
    return lm;
  }

  /** A 600x400 image, its left half black and its right half grey 200. */
  static RgbImage halfBright() {
    int w = 600;
    int h = 400;
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = w / 2; x < w; x++) {
        int i = (y * w + x) * 3;
        px[i] = px[i + 1] = px[i + 2] = (byte) 200;
      }
    }
    return new RgbImage(w, h, px);
  }

  @Test
  void theTransformUndoesAnyPlacementOfTheTemplate() {
    SimilarityTransform placement =
        new SimilarityTransform(2 * Math.cos(-0.4), 2 * Math.sin(-0.4), 300, 120);
    for (AlignmentMethod m : List.of(AlignmentMethod.DLIB_33, AlignmentMethod.FIVE_POINT)) {
      SimilarityTransform t = new FaceAligner(m).transform(templateLandmarks(placement));
      assertThat(t.scale()).as("%s scale", m).isCloseTo(0.5, offset(1e-4));
      assertThat(t.angle()).as("%s angle", m).isCloseTo(0.4, offset(1e-4));
    }
  }

  @Test
  void warpsTheFaceRegionIntoA150PixelChip() {
    // A 600x400 image, left half dark and right half bright; an upright, 2x-scaled face placed in
    // its middle: the chip's left columns must come from the dark half, its right from the bright.
    int w = 600;
    RgbImage image = halfBright();
    float[] lm = templateLandmarks(new SimilarityTransform(2, 0, w / 2.0 - 150, 50));
    RgbImage chip = new FaceAligner(AlignmentMethod.DLIB_33).align(image, List.of(lm)).get(0);
    assertThat(chip.width()).isEqualTo(150);
    assertThat(chip.at(10, 75, 0)).isZero();
    assertThat(chip.at(140, 75, 0)).isEqualTo(200);
  }

  @Test
  void jitterMovesTheChipAndMirrorsWhenAsked() {
    // Left half dark, right half bright, the face centred on the edge between them.
    int w = 600;
    RgbImage image = halfBright();
    float[] lm = templateLandmarks(new SimilarityTransform(2, 0, w / 2.0 - 150, 50));
    FaceAligner aligner = new FaceAligner(AlignmentMethod.DLIB_33);
    RgbImage plain = aligner.align(image, List.of(lm)).get(0);
    SimilarityTransform none = new SimilarityTransform(1, 0, 0, 0);
    SimilarityTransform right = new SimilarityTransform(1, 0, 20, 0);
    List<RgbImage> jittered =
        aligner.jittered(
            image,
            lm,
            List.of(
                new ChipJitter.Move(none, false),
                new ChipJitter.Move(none, true),
                new ChipJitter.Move(right, false)));
    assertThat(jittered.get(0).rgb()).isEqualTo(plain.rgb());
    assertThat(jittered.get(1).rgb()).isEqualTo(plain.mirrored().rgb());
    // Moved 20 px right: the dark half now reaches past the chip's former edge column.
    int edge = 0;
    while (plain.at(edge, 75, 0) == 0) {
      edge++;
    }
    assertThat(jittered.get(2).at(edge + 10, 75, 0)).isZero();
  }

  @Test
  void theReferenceCropIsAnUnrotatedSquareAroundEyesAndMouth() {
    byte[] px = new byte[400 * 400 * 3];
    RgbImage image = new RgbImage(400, 400, px);
    float[] lm = templateLandmarks(new SimilarityTransform(1, 0, 100, 100));
    RgbImage crop = new FaceAligner(AlignmentMethod.UNROTATED_BOX).align(image, List.of(lm)).get(0);
    assertThat(crop.width()).isEqualTo(crop.height());
    assertThat(crop.width()).isBetween(120, 160);
  }
}
