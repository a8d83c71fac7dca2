package io.facetrail.faces.landmark.trees;

import io.facetrail.faces.weights.WeightFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a serialised {@code dlib::shape_predictor} (version 1): the initial (mean) shape, the
 * forests of each cascade level (per tree: its splits, each {@code idx1, idx2, thresh}, then its
 * leaf shape increments), then per level the anchor landmark and offset of each feature pixel.
 */
public final class ShapePredictorReader {
  /**
   * Upper bounds that only a damaged file exceeds, so that it fails fast instead of exhausting
   * memory.
   */
  private static final int MAX_POINTS = 1_000;

  private static final int MAX_LEVELS = 100;
  private static final int MAX_TREES = 10_000;
  private static final int MAX_SPLITS = 1 << 12;
  private static final int MAX_PIXELS = 100_000;

  private ShapePredictorReader() {}

  /**
   * Reads a model file.
   *
   * @throws WeightFormatException when the file is not a shape predictor or is truncated
   */
  public static ShapePredictor read(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(in);
    } catch (java.io.EOFException e) {
      throw new WeightFormatException("shape predictor " + file + " is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shape predictor " + file, e);
    }
  }

  static ShapePredictor read(InputStream stream) throws IOException {
    DlibInput in = new DlibInput(stream);
    int version = in.readInt();
    if (version != 1) {
      throw new WeightFormatException(
          "not a dlib shape_predictor of version 1 (found version " + version + ")");
    }
    long rows = Math.abs(in.readLong());
    long cols = Math.abs(in.readLong());
    if (cols != 1 || rows < 2 || rows % 2 != 0 || rows > 2 * MAX_POINTS) {
      throw new WeightFormatException("bad initial shape of " + rows + "x" + cols);
    }
    int shapeLength = (int) rows;
    float[] initial = new float[shapeLength];
    for (int i = 0; i < shapeLength; i++) {
      initial[i] = in.readFloat();
    }
    int levels = in.readCount(MAX_LEVELS, "number of cascade levels");
    List<Forest> forests = new ArrayList<>(levels);
    for (int c = 0; c < levels; c++) {
      forests.add(readForest(in, shapeLength, c));
    }
    int anchorLevels = in.readCount(MAX_LEVELS, "number of anchor lists");
    if (anchorLevels != levels) {
      throw new WeightFormatException(anchorLevels + " anchor lists for " + levels + " levels");
    }
    int[][] anchors = new int[levels][];
    for (int c = 0; c < levels; c++) {
      int n = in.readCount(MAX_PIXELS, "feature pixels of level " + c);
      anchors[c] = new int[n];
      for (int i = 0; i < n; i++) {
        anchors[c][i] = in.readCount(shapeLength / 2 - 1, "anchor landmark");
      }
    }
    int deltaLevels = in.readCount(MAX_LEVELS, "number of offset lists");
    if (deltaLevels != levels) {
      throw new WeightFormatException(deltaLevels + " offset lists for " + levels + " levels");
    }
    List<Cascade> cascades = new ArrayList<>(levels);
    for (int c = 0; c < levels; c++) {
      int n = in.readCount(MAX_PIXELS, "offsets of level " + c);
      if (n != anchors[c].length) {
        throw new WeightFormatException(
            "level " + c + " has " + anchors[c].length + " anchors but " + n + " offsets");
      }
      float[] dx = new float[n];
      float[] dy = new float[n];
      for (int i = 0; i < n; i++) {
        dx[i] = in.readFloat();
        dy[i] = in.readFloat();
      }
      Forest f = forests.get(c);
      for (int s = 0; s < f.first.length; s++) {
        if (f.first[s] >= n || f.second[s] >= n) {
          throw new WeightFormatException(
              "level " + c + " splits on a feature pixel beyond its " + n + " pixels");
        }
      }
      cascades.add(
          new Cascade(
              anchors[c], dx, dy, f.splitsPerTree, f.first, f.second, f.thresholds, f.leaves));
    }
    return new ShapePredictor(initial, cascades);
  }

  private record Forest(
      int splitsPerTree, int[] first, int[] second, float[] thresholds, float[] leaves) {}

  private static Forest readForest(DlibInput in, int shapeLength, int level) throws IOException {
    int trees = in.readCount(MAX_TREES, "trees of level " + level);
    int splitsPerTree = -1;
    int[] first = null;
    int[] second = null;
    float[] thresholds = null;
    float[] leaves = null;
    for (int t = 0; t < trees; t++) {
      int splits = in.readCount(MAX_SPLITS, "splits of a tree");
      if (splitsPerTree < 0) {
        if (Integer.bitCount(splits + 1) != 1) {
          throw new WeightFormatException("a tree of " + splits + " splits is not complete");
        }
        splitsPerTree = splits;
        first = new int[trees * splits];
        second = new int[trees * splits];
        thresholds = new float[trees * splits];
        leaves = new float[trees * (splits + 1) * shapeLength];
      } else if (splits != splitsPerTree) {
        throw new WeightFormatException(
            "level " + level + " mixes trees of " + splitsPerTree + " and " + splits + " splits");
      }
      for (int s = 0; s < splits; s++) {
        int k = t * splits + s;
        first[k] = in.readCount(MAX_PIXELS, "split pixel");
        second[k] = in.readCount(MAX_PIXELS, "split pixel");
        thresholds[k] = in.readFloat();
      }
      int leafCount = in.readCount(MAX_SPLITS + 1, "leaves of a tree");
      if (leafCount != splits + 1) {
        throw new WeightFormatException(
            "a tree of " + splits + " splits has " + leafCount + " leaves");
      }
      for (int l = 0; l < leafCount; l++) {
        float[] v = in.readColumn(shapeLength, "leaf value");
        System.arraycopy(v, 0, leaves, (t * leafCount + l) * shapeLength, shapeLength);
      }
    }
    if (trees == 0) {
      return new Forest(1, new int[0], new int[0], new float[0], new float[0]);
    }
    return new Forest(splitsPerTree, first, second, thresholds, leaves);
  }
}
