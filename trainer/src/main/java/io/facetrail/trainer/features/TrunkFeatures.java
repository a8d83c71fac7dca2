package io.facetrail.trainer.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.facetrail.faces.embed.DlibResNet;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.image.TensorPacking;
import io.facetrail.faces.trained.ChipReduction;
import io.facetrail.trainer.augment.ChipAugmenter;
import io.facetrail.trainer.chips.Chip;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Computes the frozen trunk's output for chip variants: variant 0 is the chip, 1 its mirror image
 * (the two that evaluation averages, as the production pipeline does), 2 and up random
 * augmentations seeded by photo and variant, so they are the same on every run.
 */
public final class TrunkFeatures {
  private final NDManager manager;
  private final DlibResNet network;
  private final int units;
  private final ChipAugmenter augmenter;
  private final long seed;
  private final int batch;
  private final int inputSize;
  private final ChipReduction reduction;

  /**
   * The trunk at the network's own input size (150).
   *
   * @param manager owns {@code network}'s weights
   * @param units how many residual units the trunk runs (the head trains the rest)
   */
  public TrunkFeatures(
      NDManager manager,
      DlibResNet network,
      int units,
      ChipAugmenter augmenter,
      long seed,
      int batch) {
    this(
        manager, network, units, augmenter, seed, batch, DlibResNet.INPUT_SIZE, ChipReduction.CROP);
  }

  /**
   * The trunk run on chips reduced to {@code inputSize} (a central crop or a downscale, {@link
   * ChipReduction}): the network is fully convolutional up to its global average, so it accepts a
   * smaller input, and its cost scales with the pixel count (the student of harmonic training).
   */
  public TrunkFeatures(
      NDManager manager,
      DlibResNet network,
      int units,
      ChipAugmenter augmenter,
      long seed,
      int batch,
      int inputSize,
      ChipReduction reduction) {
    if (inputSize < 1 || inputSize > DlibResNet.INPUT_SIZE) {
      throw new IllegalArgumentException(
          "input size must be within 1-" + DlibResNet.INPUT_SIZE + ", is " + inputSize);
    }
    this.inputSize = inputSize;
    this.reduction = reduction;
    this.manager = manager;
    this.network = network;
    this.units = units;
    this.augmenter = augmenter;
    this.seed = seed;
    this.batch = batch;
  }

  /** The image of variant {@code variant} of a chip, at the trunk's input size. */
  public RgbImage variant(Chip chip, int variant) {
    return reduction.apply(fullSizeVariant(chip, variant), inputSize);
  }

  private RgbImage fullSizeVariant(Chip chip, int variant) {
    return switch (variant) {
      case 0 -> chip.image();
      case 1 -> chip.image().mirrored();
      default ->
          augmenter.apply(
              chip.image(),
              new SplittableRandom(seed * 1_000_003L + chip.photo().hashCode() * 131L + variant));
    };
  }

  /** Computes the variants {@code 0..variants-1} of chips that the cache lacks. */
  public void fill(List<Chip> chips, int variants, FeatureCache cache, Runnable onChip) {
    List<String> photos = new ArrayList<>();
    List<Integer> which = new ArrayList<>();
    List<RgbImage> images = new ArrayList<>();
    for (Chip c : chips) {
      for (int v = 0; v < variants; v++) {
        if (cache.get(c.photo(), v) == null) {
          photos.add(c.photo());
          which.add(v);
          images.add(variant(c, v));
        }
        if (images.size() == batch) {
          store(photos, which, images, cache);
        }
      }
      onChip.run();
    }
    store(photos, which, images, cache);
  }

  private void store(
      List<String> photos, List<Integer> which, List<RgbImage> images, FeatureCache cache) {
    if (images.isEmpty()) {
      return;
    }
    float[][] out = compute(images);
    for (int i = 0; i < out.length; i++) {
      cache.put(photos.get(i), which.get(i), out[i]);
    }
    cache.flush();
    photos.clear();
    which.clear();
    images.clear();
  }

  /** The trunk's output for each image, flattened (C x H x W). */
  public float[][] compute(List<RgbImage> images) {
    int n = images.size();
    int s = inputSize;
    int per = 3 * s * s;
    float[] input = new float[n * per];
    for (int i = 0; i < n; i++) {
      RgbImage im = images.get(i);
      if (im.width() != s || im.height() != s) {
        throw new IllegalArgumentException(
            "chips must be " + s + "x" + s + ", got " + im.width() + "x" + im.height());
      }
      TensorPacking.planar(im, input, i * per);
    }
    try (NDManager call = manager.newSubManager()) {
      NDArray x = call.create(input, new Shape(n, 3, s, s));
      NDArray y = network.trunk(new ParameterStore(call, false), x, units, false);
      float[] flat = y.toFloatArray();
      int size = flat.length / n;
      float[][] rows = new float[n][size];
      for (int i = 0; i < n; i++) {
        System.arraycopy(flat, i * size, rows[i], 0, size);
      }
      return rows;
    }
  }

  /** The side of the square input the trunk runs on. */
  public int inputSize() {
    return inputSize;
  }

  /** The shape of one feature (C, H, W). */
  public Shape featureShape() {
    try (NDManager call = manager.newSubManager()) {
      NDArray x = call.zeros(new Shape(1, 3, inputSize, inputSize));
      Shape s = network.trunk(new ParameterStore(call, false), x, units, false).getShape();
      return new Shape(s.get(1), s.get(2), s.get(3));
    }
  }
}
