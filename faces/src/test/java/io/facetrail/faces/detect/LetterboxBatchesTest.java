package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.image.TensorPacking;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LetterboxBatchesTest {
  private static final float[] MEAN = {100f, 110f, 120f};
  private static final float SCALE = 1f / 50f;

  @Test
  void runsChunksOfAtMostMaxBatchAndKeepsTheImagesInOrder() {
    List<RgbImage> images = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      images.add(image(40 + 10 * i, 30, i));
    }
    List<Integer> chunkSizes = new ArrayList<>();
    LetterboxBatches batches = new LetterboxBatches(2, 64, 32, MEAN, SCALE);

    List<List<Detection>> out =
        batches.detect(
            images,
            input -> {
              chunkSizes.add(input.count());
              return (i, source) ->
                  List.of(new Detection(new FaceBox(0, 0, source.width(), i), 0.5f));
            });

    assertThat(chunkSizes).containsExactly(2, 2, 1);
    assertThat(out).hasSize(5);
    for (int k = 0; k < 5; k++) {
      // Each image is decoded from its own chunk, with its index inside that chunk.
      assertThat(out.get(k).get(0).box().width()).isEqualTo(images.get(k).width());
      assertThat(out.get(k).get(0).box().height()).isEqualTo(k % 2);
    }
  }

  @Test
  void packsEveryImageAsTheLetterboxOfItsChunksShape() {
    List<RgbImage> chunk = List.of(image(64, 32, 1), image(40, 60, 2));
    List<LetterboxBatches.Input> seen = new ArrayList<>();
    new LetterboxBatches(8, 64, 32, MEAN, SCALE)
        .detect(
            chunk,
            input -> {
              seen.add(input);
              return (i, source) -> List.of();
            });

    LetterboxBatches.Input input = seen.get(0);
    // The landscape image is 64 wide, the portrait one 64 tall: the tensor takes the larger of
    // each.
    assertThat(input.width()).isEqualTo(64);
    assertThat(input.height()).isEqualTo(64);
    assertThat(input.shape().getShape()).containsExactly(2, 3, 64, 64);
    int per = 3 * 64 * 64;
    for (int i = 0; i < chunk.size(); i++) {
      float[] alone = new float[per];
      TensorPacking.letterbox(chunk.get(i), 64, 64, 64, MEAN, SCALE, alone, 0);
      assertThat(Arrays.copyOfRange(input.values(), i * per, (i + 1) * per)).isEqualTo(alone);
    }
  }

  @Test
  void noImagesRunNoPass() {
    List<List<Detection>> out =
        new LetterboxBatches(2, 64, 32, MEAN, SCALE)
            .detect(
                List.of(),
                input -> {
                  throw new AssertionError("no pass expected");
                });
    assertThat(out).isEmpty();
  }

  private static RgbImage image(int width, int height, long seed) {
    byte[] rgb = new byte[RgbImage.byteCount(width, height)];
    new Random(seed).nextBytes(rgb);
    return new RgbImage(width, height, rgb);
  }
}
