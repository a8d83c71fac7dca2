package io.facetrail.evaluation.lfw;

import io.facetrail.faces.align.AlignmentMethod;
import io.facetrail.faces.pipeline.LandmarkModel;

/** One way of cutting a photo's chip: whose landmarks, and which alignment. */
record ChipVariant(LandmarkModel landmarks, AlignmentMethod alignment) {
  /**
   * e.g. {@code DLIB_33} (network landmarks, as before this option existed) or {@code
   * TREES/DLIB_CHIP}.
   */
  String label() {
    return landmarks == LandmarkModel.NETWORK ? alignment.name() : landmarks + "/" + alignment;
  }
}
