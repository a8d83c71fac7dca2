package io.facetrail.faces.pipeline;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.align.ChipJitter;
import io.facetrail.faces.align.FaceAligner;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeddings with {@link FacePipelineSettings#jitter} jittered chips of each face averaged in: the
 * normalised mean over the plain chip, its mirror image (with flip) and the jittered chips, each
 * embedding normalised first, as {@code facetrail eval lfw --jitter} measures it.
 */
final class JitterAveraging {
  private JitterAveraging() {}

  /**
   * @param perImage each image's faces' 68 landmarks
   * @param chips the faces' aligned chips, in the order of {@code perImage}
   */
  static float[][] embed(
      FaceEmbedder embedder,
      FaceAligner aligner,
      FacePipelineSettings settings,
      List<RgbImage> images,
      List<List<float[]>> perImage,
      List<RgbImage> chips) {
    List<ChipJitter.Move> moves = ChipJitter.moves(settings.jitter(), FaceAligner.CHIP_SIZE);
    List<RgbImage> all = new ArrayList<>(chips);
    if (settings.flip()) {
      chips.forEach(c -> all.add(c.mirrored()));
    }
    for (int i = 0; i < images.size(); i++) {
      for (float[] points : perImage.get(i)) {
        all.addAll(aligner.jittered(images.get(i), points, moves));
      }
    }
    float[][] e = embedder.embed(all);
    int n = chips.size();
    int firstJitter = settings.flip() ? 2 * n : n;
    float[][] out = new float[n][];
    for (int j = 0; j < n; j++) {
      float[] sum = e[j].clone();
      if (settings.flip()) {
        add(sum, e[n + j]);
      }
      for (int k = 0; k < moves.size(); k++) {
        add(sum, e[firstJitter + j * moves.size() + k]);
      }
      out[j] = FaceCode.normalise(sum);
    }
    return out;
  }

  private static void add(float[] sum, float[] e) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += e[i];
    }
  }
}
