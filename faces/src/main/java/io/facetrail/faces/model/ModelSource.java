package io.facetrail.faces.model;

/** Where a pinned model file comes from; each source has its own fetcher. */
public enum ModelSource {
  /** The npm package {@code @vladmandic/face-api@1.7.15} (networks as tfjs weights). */
  FACE_API_NPM(ModelFile.PACKAGE + "@" + ModelFile.VERSION + " (npm)"),
  /** Debian's {@code libdlib-data} package (dlib's 68-point regression-tree shape predictor). */
  DLIB_DATA_DEBIAN(DebianPackage.NAME + " " + DebianPackage.VERSION + " (Debian)");

  private final String description;

  ModelSource(String description) {
    this.description = description;
  }

  /** Package and version, for log lines and error messages. */
  public String description() {
    return description;
  }
}
