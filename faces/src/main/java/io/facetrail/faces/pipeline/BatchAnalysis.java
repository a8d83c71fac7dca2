package io.facetrail.faces.pipeline;

import java.util.List;

/**
 * The result of one pipeline call.
 *
 * @param images one analysis per input image, in input order
 * @param timings time per stage for the whole batch
 */
public record BatchAnalysis(List<ImageAnalysis> images, StageTimings timings) {
  public BatchAnalysis {
    images = List.copyOf(images);
  }

  public int faceCount() {
    return images.stream().mapToInt(i -> i.faces().size()).sum();
  }
}
