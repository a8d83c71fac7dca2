package io.facetrail.faces.detect;

import ai.djl.ndarray.types.Shape;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.image.TensorPacking;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch loop of the fully convolutional detectors (SSD and tiny): the images in chunks of at
 * most {@code maxBatch}, each chunk letterboxed into one input tensor ({@link InputShape}), one
 * network pass per chunk, then each image's detections decoded from that pass. The detectors supply
 * only the pass and the decoding. Immutable.
 */
final class LetterboxBatches {
  /**
   * One chunk on the network's input.
   *
   * @param values {@code count} images, channel-first, each {@code 3 * width * height} values
   */
  record Input(float[] values, int count, int width, int height) {
    Shape shape() {
      return new Shape(count, 3, height, width);
    }
  }

  /** Runs the network on one chunk and says how to decode each of its images. */
  @FunctionalInterface
  interface Pass {
    Decoder run(Input input);
  }

  /** Detections of the {@code image}-th image of the chunk, in {@code source}'s pixels. */
  @FunctionalInterface
  interface Decoder {
    List<Detection> decode(int image, RgbImage source);
  }

  private final int maxBatch;
  private final int longest;
  private final int cell;
  private final float[] mean;
  private final float scale;

  /**
   * @param longest the longer side of every image on the input
   * @param cell the network's total stride: the input's sides are rounded up to it
   * @param mean per channel (RGB), subtracted before {@code scale} multiplies
   */
  LetterboxBatches(int maxBatch, int longest, int cell, float[] mean, float scale) {
    this.maxBatch = maxBatch;
    this.longest = longest;
    this.cell = cell;
    this.mean = mean.clone();
    this.scale = scale;
  }

  /** Each image's detections, in the order of {@code images}. */
  List<List<Detection>> detect(List<RgbImage> images, Pass pass) {
    List<List<Detection>> out = new ArrayList<>(images.size());
    for (int start = 0; start < images.size(); start += maxBatch) {
      List<RgbImage> chunk = images.subList(start, Math.min(images.size(), start + maxBatch));
      Decoder decoder = pass.run(pack(chunk));
      for (int i = 0; i < chunk.size(); i++) {
        out.add(decoder.decode(i, chunk.get(i)));
      }
    }
    return out;
  }

  private Input pack(List<RgbImage> chunk) {
    int n = chunk.size();
    InputShape shape = InputShape.of(chunk, longest, cell);
    int w = shape.width();
    int h = shape.height();
    int per = 3 * w * h;
    float[] values = new float[n * per];
    for (int i = 0; i < n; i++) {
      TensorPacking.letterbox(chunk.get(i), longest, w, h, mean, scale, values, i * per);
    }
    return new Input(values, n, w, h);
  }
}
