package io.facetrail.faces.landmark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.facetrail.faces.nn.ConvLayer;
import io.facetrail.faces.nn.Nonlinearity;
import io.facetrail.faces.nn.Padding;
import io.facetrail.faces.nn.SeparableConv;
import io.facetrail.faces.weights.WeightSet;
import io.facetrail.faces.weights.WeightTensor;

/**
 * The landmark network: input N x 3 x 112 x 112, normalised ((RGB - mean) / 255); output N x 136,
 * (x, y) of 68 points relative to the input square.
 */
public final class LandmarkNet extends AbstractBlock {
  public static final int INPUT_SIZE = 112;
  public static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

  private final Block[][] dense = new Block[4][4];
  private final Parameter fcWeight;
  private final Parameter fcBias;

  public LandmarkNet(NDManager manager, WeightSet w) {
    WeightTensor f0 = w.get("dense0/conv0/filters").requireShape(3, 3, 3, 32);
    dense[0][0] =
        addChildBlock(
            "dense0/conv0",
            ConvLayer.of(
                manager,
                f0.hwioToOihw(),
                new long[] {32, 3, 3, 3},
                w.get("dense0/conv0/bias").values(),
                null,
                null,
                2,
                1,
                Padding.SAME,
                Nonlinearity.RELU));
    for (int b = 0; b < 4; b++) {
      for (int c = b == 0 ? 1 : 0; c < 4; c++) {
        String name = "dense" + b + "/conv" + c;
        // conv0 of each block downsamples and is followed by a ReLU; the others feed sums.
        dense[b][c] =
            addChildBlock(
                name,
                new SeparableConv(
                    manager,
                    w,
                    name,
                    c == 0 ? 2 : 1,
                    Padding.SAME,
                    c == 0 ? Nonlinearity.RELU : Nonlinearity.NONE));
      }
    }
    WeightTensor fc = w.get("fc/weights").requireShape(256, 136);
    fcWeight = param(manager, "fc/weights", fc.values(), new Shape(256, 136));
    fcBias = param(manager, "fc/bias", w.get("fc/bias").requireShape(136).values(), new Shape(136));
  }

  private Parameter param(NDManager manager, String name, float[] v, Shape shape) {
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(Parameter.Type.WEIGHT)
            .optArray(manager.create(v, shape))
            .optRequiresGrad(false)
            .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    for (Block[] block : dense) {
      x = denseBlock(ps, block, x, training);
    }
    x = Pool.avgPool2d(x, new Shape(7, 7), new Shape(2, 2), new Shape(0, 0), false, true);
    x = x.reshape(x.getShape().get(0), -1);
    return new NDList(x.matMul(fcWeight.getArray()).add(fcBias.getArray()));
  }

  private static NDArray denseBlock(ParameterStore ps, Block[] c, NDArray x, boolean training) {
    NDArray out1 = run(ps, c[0], x, training);
    NDArray out2 = run(ps, c[1], out1, training);
    NDArray sum12 = out1.add(out2);
    NDArray out3 = run(ps, c[2], Activation.relu(sum12), training);
    NDArray sum123 = sum12.add(out3);
    NDArray out4 = run(ps, c[3], Activation.relu(sum123), training);
    return Activation.relu(sum123.add(out4));
  }

  private static NDArray run(ParameterStore ps, Block b, NDArray x, boolean training) {
    return b.forward(ps, new NDList(x), training).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 136)};
  }
}
