package io.facetrail.faces.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.testing.DlibFixture;
import io.facetrail.faces.testing.ParityFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * dlib's chip geometry and sampling, worked out by hand from dlib/image_transforms, and checked
 * against dlib itself.
 */
class DlibChipTest {
  @Test
  void cutsTheChipDlibCutsFromTheSamePoints() {
    RgbImage chip =
        new FaceAligner(AlignmentMethod.DLIB_CHIP)
            .align(ParityFixture.image(), List.of(DlibFixture.points()))
            .get(0);
    RgbImage dlib = DlibFixture.chip();
    int worst = 0;
    for (int i = 0; i < dlib.rgb().length; i++) {
      worst = Math.max(worst, Math.abs((dlib.rgb()[i] & 0xff) - (chip.rgb()[i] & 0xff)));
    }
    // Bit-exact when measured; a grey level allows for rounding in a different libm. Fitting the
    // template to the points in the other direction (points onto template, then inverted) scaled
    // the chip differently and was off by up to 143 levels on LFW photos.
    assertThat(worst).isLessThanOrEqualTo(1);
  }

  @Test
  void reducesTheFitToDlibsAngleAndRectangle() {
    JsonNode chip = DlibFixture.reference().get("chip");
    SimilarityTransform toImage =
        new FaceAligner(AlignmentMethod.DLIB_CHIP).transform(DlibFixture.points()).inverse();
    assertThat(toImage.angle()).isCloseTo(chip.get("angle").asDouble(), offset(1e-9));
    double[] rect = rect(chip);
    // dlib's centered_drect(T(75, 75), 150 s, 150 s): right - left = 150 s - 1.
    assertThat(rect[2] - rect[0]).isCloseTo(150 * toImage.scale() - 1, offset(1e-6));
    assertThat((rect[0] + rect[2]) / 2).isCloseTo(toImage.applyX(75, 75), offset(1e-6));
    assertThat((rect[1] + rect[3]) / 2).isCloseTo(toImage.applyY(75, 75), offset(1e-6));
  }

  /** dlib's chip rectangle, left, top, right, bottom, at full precision. */
  private static double[] rect(JsonNode chip) {
    double[] r = new double[4];
    for (int i = 0; i < 4; i++) {
      r[i] = chip.get("rect").get(i).asDouble();
    }
    return r;
  }

  @Test
  void atScaleOneTheChipSitsHalfAPixelFromThePlainWarp() {
    // centered_drect(T(75, 75), 150, 150) spans 149 pixels, from 0.5 to 149.5: chip pixel c
    // samples the image at c + 0.5 where a plain warp by T samples it at c.
    double[] m = DlibChip.mapping(new SimilarityTransform(1, 0, 0, 0), 150);
    assertThat(m).containsExactly(new double[] {1, 0, 0.5, 0, 1, 0.5}, offset(1e-12));
  }

  @Test
  void cornersLandOnTheRotatedRectangle() {
    double angle = 0.3;
    double scale = 2;
    SimilarityTransform t =
        new SimilarityTransform(scale * Math.cos(angle), scale * Math.sin(angle), 40, 10);
    double[] m = DlibChip.mapping(t, 150);
    double cx = t.applyX(75, 75);
    double cy = t.applyY(75, 75);
    // The last pixel lies (150 * 2 - 1) / 2 from the centre along the rotated x axis.
    double half = (150 * scale - 1) / 2;
    double x = m[0] * 149 + m[1] * 74.5 + m[2];
    double y = m[3] * 149 + m[4] * 74.5 + m[5];
    assertThat(x).isCloseTo(cx + half * Math.cos(angle), offset(1e-9));
    assertThat(y).isCloseTo(cy + half * Math.sin(angle), offset(1e-9));
  }

  @Test
  void samplingTruncatesAndLeavesPixelsOutsideTheImageBlack() {
    // Grey levels 0, 10, 20, ... along x: half way between 10 and 20 is 15, a quarter is 12.5 ->
    // 12.
    int w = 20;
    byte[] px = new byte[w * 2 * 3];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          px[(y * w + x) * 3 + c] = (byte) (10 * x);
        }
      }
    }
    RgbImage image = new RgbImage(w, 2, px);
    RgbImage chip = DlibChip.sample(image, new double[] {1, 0, 1.25, 0, 0, 0}, 20);
    assertThat(chip.at(0, 0, 0)).isEqualTo(12);
    assertThat(chip.at(1, 0, 1)).isEqualTo(22);
    assertThat(chip.at(17, 0, 0)).isEqualTo(182);
    // x = 19.25 needs pixels 19 and 20: 20 is outside.
    assertThat(chip.at(18, 0, 0)).isZero();
  }

  @Test
  void theAlignerCutsDlibChipsFromTheTemplateFit() {
    int w = 600;
    int h = 400;
    RgbImage image = FaceAlignerTest.halfBright();
    float[] lm =
        FaceAlignerTest.templateLandmarks(new SimilarityTransform(2, 0, w / 2.0 - 150, 50));
    RgbImage chip = new FaceAligner(AlignmentMethod.DLIB_CHIP).align(image, List.of(lm)).get(0);
    assertThat(chip.width()).isEqualTo(150);
    assertThat(chip.at(10, 75, 0)).isZero();
    assertThat(chip.at(140, 75, 0)).isEqualTo(200);
    // A face four times smaller than the chip goes through the shrinking path too.
    float[] small =
        FaceAlignerTest.templateLandmarks(new SimilarityTransform(4, 0, w / 2.0 - 300, 0));
    RgbImage big = new RgbImage(w * 2, h * 2, new byte[w * h * 12]);
    assertThat(new FaceAligner(AlignmentMethod.DLIB_CHIP).align(big, List.of(small)).get(0).width())
        .isEqualTo(150);
  }
}
