package io.facetrail.faces.trained;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.facetrail.faces.embed.DlibResNet;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole v2 network for inference: v1's frozen stem and early residual units run on the
 * low-resolution chip, then the trained head (last units and dense layer). Input N x 3 x S x S raw
 * RGB (0..255), output N x 128, not normalised. The embedder runs it ({@code FaceEmbedder.load(...,
 * folder)}); the trainer times it against v1.
 */
public final class TrainedNetwork extends AbstractBlock {
  private final DlibResNet base;
  private final TrainableHead head;
  private final int inputSize;

  /**
   * @param base v1, whose stem and early units run frozen
   * @param head the trained last units and dense layer
   * @param inputSize side of the square chip the student takes
   */
  public TrainedNetwork(DlibResNet base, TrainableHead head, int inputSize) {
    // Children, so that casting the network to fp16 for a GPU casts both parts.
    this.base = addChildBlock("base", base);
    this.head = addChildBlock("head", head);
    this.inputSize = inputSize;
  }

  /**
   * Loads a trained student from its folder: the metadata names the chip size, the number of
   * trained units and their parameter file; the rest of the network is {@code base}.
   */
  public static TrainedNetwork load(
      DlibResNet base, ModelMetadata metadata, Path folder, NDManager manager) {
    TrainableHead head =
        new TrainableHead(
            base, metadata.trainedUnits(), java.util.Set.copyOf(metadata.droppedUnits()));
    Path params = folder.resolve(metadata.parameters());
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
      head.loadParameters(manager, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + params, e);
    } catch (MalformedModelException e) {
      throw new IllegalArgumentException("malformed parameters " + params, e);
    }
    return new TrainedNetwork(base, head, metadata.inputSize());
  }

  public int inputSize() {
    return inputSize;
  }

  /** Multiply-accumulates of one face: the base network's at this input, less dropped units. */
  public long macs() {
    return base.macs(inputSize, head.dropped());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = base.trunk(ps, inputs.singletonOrThrow(), head.firstUnit(), training);
    return head.forward(ps, new NDList(features), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 128)};
  }
}
