package io.facetrail.faces.trained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.facetrail.faces.embed.DlibResNet;
import io.facetrail.faces.nn.ConvLayer;
import io.facetrail.faces.nn.Padding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A trainable copy of the last {@code units} residual units of {@link DlibResNet} and its final
 * dense layer: input the trunk's feature map, output N x 128 (not normalised). Parameters start as
 * the pretrained values (the per-channel affine layers already folded into the convolutions) and
 * carry gradients; the residual joins are the network's own ({@link DlibResNet#join}, in place for
 * inference).
 */
public final class TrainableHead extends AbstractBlock {
  private final List<Unit> units = new ArrayList<>();
  private final Parameter fc;
  private final int firstUnit;
  private final SortedSet<Integer> dropped;

  /**
   * @param base the pretrained network (read, not modified)
   * @param trainableUnits how many residual units from the end to train (1 to 14)
   */
  public TrainableHead(DlibResNet base, int trainableUnits) {
    this(base, trainableUnits, Set.of());
  }

  /**
   * A head without some of the units it would train: a smaller, faster network whose remaining
   * units learn to do without them (the harmonic v2's speed option).
   *
   * @param dropped indices of units among the last {@code trainableUnits} to leave out; only units
   *     that keep the size and channels (not down units) may be dropped
   */
  public TrainableHead(DlibResNet base, int trainableUnits, Set<Integer> dropped) {
    int total = base.unitCount();
    if (trainableUnits < 1 || trainableUnits > total) {
      throw new IllegalArgumentException(
          "trainable units must be within 1-" + total + ", is " + trainableUnits);
    }
    firstUnit = total - trainableUnits;
    for (int i : dropped) {
      if (i < firstUnit || i >= total || base.isDownUnit(i)) {
        throw new IllegalArgumentException(
            "unit "
                + i
                + " cannot be dropped: only trained units that keep the size (not "
                + "down units) may be, i.e. within "
                + firstUnit
                + "-"
                + (total - 1));
      }
    }
    this.dropped = new TreeSet<>(dropped);
    for (int i = firstUnit; i < total; i++) {
      if (dropped.contains(i)) {
        continue;
      }
      List<ConvLayer> convs = base.unitConvolutions(i);
      Conv c1 = copy("unit" + i + "_conv1", convs.get(0), true);
      Conv c2 = copy("unit" + i + "_conv2", convs.get(1), false);
      units.add(new Unit(c1, c2, base.isDownUnit(i)));
    }
    fc = trainable("fc", base.fc().getArray());
  }

  /** The indices of the units left out, ascending. */
  public SortedSet<Integer> dropped() {
    return dropped;
  }

  private Conv copy(String name, ConvLayer layer, boolean relu) {
    NDArray w = layer.getParameters().get("weight").getArray();
    NDArray b = layer.getParameters().get("bias").getArray();
    int stride = layer.stride();
    // DlibResNet's rule: strided convolutions are VALID, the others SAME.
    Padding padding = stride == 2 ? Padding.VALID : Padding.SAME;
    return new Conv(
        trainable(name + "_weight", w), trainable(name + "_bias", b), stride, padding, relu);
  }

  private Parameter trainable(String name, NDArray pretrained) {
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(name.endsWith("_bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
            .optArray(pretrained.duplicate())
            .optRequiresGrad(true)
            .build());
  }

  /** The index of the first trained unit: the trunk runs the units before it. */
  public int firstUnit() {
    return firstUnit;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    for (Unit u : units) {
      NDArray out = u.conv1.apply(ps, x, training);
      out = u.conv2.apply(ps, out, training);
      x = DlibResNet.join(out, x, u.down, training);
    }
    Shape s = x.getShape();
    NDArray pooled = x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
    NDArray w = ps.getValue(fc, x.getDevice(), training);
    return new NDList(pooled.matMul(w));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 128)};
  }

  private record Unit(Conv conv1, Conv conv2, boolean down) {}

  private record Conv(Parameter weight, Parameter bias, int stride, Padding padding, boolean relu) {
    NDArray apply(ParameterStore ps, NDArray x, boolean training) {
      NDArray w = ps.getValue(weight, x.getDevice(), training);
      NDArray b = ps.getValue(bias, x.getDevice(), training);
      Padding.Prepared p =
          padding.prepare(x, (int) w.getShape().get(2), (int) w.getShape().get(3), stride);
      NDArray in = p.input();
      NDArray y =
          in.getNDArrayInternal()
              .convolution(in, w, b, new Shape(stride, stride), p.convPadding(), new Shape(1, 1), 1)
              .singletonOrThrow();
      return relu ? y.clip(0f, Float.MAX_VALUE) : y;
    }
  }
}
