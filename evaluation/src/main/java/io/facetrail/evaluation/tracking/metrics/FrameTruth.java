package io.facetrail.evaluation.tracking.metrics;

import io.facetrail.tracker.box.BoundingBox;
import java.util.List;

/**
 * The ground truth of one frame.
 *
 * @param objects objects a tracker is expected to report
 * @param ignored boxes of objects present but too hidden to expect (don't care): a hypothesis on
 *     one of them is neither a match nor a false positive
 */
public record FrameTruth(List<LabelledBox> objects, List<BoundingBox> ignored) {
  public FrameTruth {
    objects = List.copyOf(objects);
    ignored = List.copyOf(ignored);
  }
}
