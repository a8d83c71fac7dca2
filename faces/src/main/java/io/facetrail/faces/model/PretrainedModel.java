package io.facetrail.faces.model;

/** The pretrained networks FaceTrail uses: each a tfjs weights manifest plus one shard. */
public enum PretrainedModel {
  RECOGNITION(ModelFile.RECOGNITION_MANIFEST, ModelFile.RECOGNITION_WEIGHTS),
  LANDMARKS_68(ModelFile.LANDMARK_MANIFEST, ModelFile.LANDMARK_WEIGHTS),
  SSD_MOBILENET_V1(ModelFile.SSD_MANIFEST, ModelFile.SSD_WEIGHTS),
  TINY_FACE_DETECTOR(ModelFile.TINY_MANIFEST, ModelFile.TINY_WEIGHTS);

  private final ModelFile manifest;
  private final ModelFile weights;

  PretrainedModel(ModelFile manifest, ModelFile weights) {
    this.manifest = manifest;
    this.weights = weights;
  }

  public ModelFile manifest() {
    return manifest;
  }

  public ModelFile weights() {
    return weights;
  }
}
