package io.facetrail.faces.pipeline;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.align.ChipJitter;
import io.facetrail.faces.align.FaceAligner;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-time augmentation: a face's embedding as the normalised mean of the embeddings of its chip,
 * the chip's mirror image (flip) and any further chips of the same face (jitter), each embedding
 * normalised first, as {@code facetrail eval lfw} measures it. All chips of a call go through the
 * network together.
 */
final class ChipAveraging {
  private ChipAveraging() {}

  /**
   * @param chips one aligned chip per face
   * @param extra per face the same number of further chips (empty: none)
   */
  static float[][] embed(
      FaceEmbedder embedder, List<RgbImage> chips, boolean flip, List<List<RgbImage>> extra) {
    if (!flip && extra.isEmpty()) {
      return embedder.embed(chips);
    }
    int n = chips.size();
    int perFace = extra.isEmpty() ? 0 : extra.get(0).size();
    List<RgbImage> all = new ArrayList<>(n * (2 + perFace));
    all.addAll(chips);
    if (flip) {
      chips.forEach(c -> all.add(c.mirrored()));
    }
    extra.forEach(all::addAll);
    float[][] e = embedder.embed(all);
    int firstExtra = flip ? 2 * n : n;
    float[][] out = new float[n][];
    for (int j = 0; j < n; j++) {
      float[] sum = e[j].clone();
      if (flip) {
        add(sum, e[n + j]);
      }
      for (int k = 0; k < perFace; k++) {
        add(sum, e[firstExtra + j * perFace + k]);
      }
      out[j] = FaceCode.normalise(sum);
    }
    return out;
  }

  /**
   * {@code count} jittered chips ({@link ChipJitter}) of every face, in the order of {@code
   * perImage}.
   */
  static List<List<RgbImage>> jittered(
      FaceAligner aligner, List<RgbImage> images, List<List<float[]>> perImage, int count) {
    List<ChipJitter.Move> moves = ChipJitter.moves(count, FaceAligner.CHIP_SIZE);
    List<List<RgbImage>> out = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      for (float[] points : perImage.get(i)) {
        out.add(aligner.jittered(images.get(i), points, moves));
      }
    }
    return out;
  }

  private static void add(float[] sum, float[] e) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += e[i];
    }
  }
}
