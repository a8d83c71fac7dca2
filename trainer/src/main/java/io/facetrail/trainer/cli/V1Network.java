package io.facetrail.trainer.cli;

import ai.djl.ndarray.NDManager;
import io.facetrail.faces.embed.DlibResNet;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.model.PretrainedModel;
import io.facetrail.faces.weights.TfjsWeightLoader;
import io.facetrail.runtime.cli.UserFacingException;

/**
 * v1's embedding network (dlib's ResNet, the shipped weights): what every trained head builds on.
 */
final class V1Network {
  private V1Network() {}

  /** v1 with the pipeline's input divisor, its parameters on {@code manager}'s device. */
  static DlibResNet load(NDManager manager, ModelCache cache) {
    return new DlibResNet(
        manager,
        TfjsWeightLoader.load(cache.manifest(PretrainedModel.RECOGNITION)),
        FaceEmbedder.DEFAULT_DIVISOR);
  }

  /** Refuses a {@code --trainable-units} count the network does not have. */
  static void checkTrainableUnits(DlibResNet base, int trainableUnits) {
    if (trainableUnits < 1 || trainableUnits > base.unitCount()) {
      throw new UserFacingException(
          "--trainable-units must be within 1-" + base.unitCount() + ", is " + trainableUnits);
    }
  }
}
