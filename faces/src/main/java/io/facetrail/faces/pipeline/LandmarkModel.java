package io.facetrail.faces.pipeline;

/** Which model places the 68 landmarks that chips are aligned by. */
public enum LandmarkModel {
  /** face-api's landmark network on the detection box. */
  NETWORK,
  /**
   * dlib's regression-tree shape predictor, in the box where its mean shape best fits the network's
   * points: the landmarks dlib's recognition chips are cut from.
   */
  TREES
}
