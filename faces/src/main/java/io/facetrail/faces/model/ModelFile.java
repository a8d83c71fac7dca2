package io.facetrail.faces.model;

/**
 * One model file FaceTrail uses, with its pinned source package, size and SHA-256. Files are
 * verified after every fetch and before every load, so a truncated or tampered cache is refused
 * instead of producing silently wrong faces.
 */
public enum ModelFile {
  RECOGNITION_MANIFEST(
      "face_recognition_model-weights_manifest.json",
      19_615,
      "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b"),
  RECOGNITION_WEIGHTS(
      "face_recognition_model.bin",
      6_444_032,
      "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589"),
  LANDMARK_MANIFEST(
      "face_landmark_68_model-weights_manifest.json",
      8_485,
      "ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9"),
  LANDMARK_WEIGHTS(
      "face_landmark_68_model.bin",
      356_840,
      "4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b"),
  SSD_MANIFEST(
      "ssd_mobilenetv1_model-weights_manifest.json",
      28_233,
      "888f744dffbc84f5f060d1f8427d9742341943a2dfaaf9205d10029b7e7a2955"),
  SSD_WEIGHTS(
      "ssd_mobilenetv1_model.bin",
      5_616_957,
      "2835640602d53718aa6ae9a42896327eaa21beefed056c218d32ca7d79e1e2f8"),
  TINY_MANIFEST(
      "tiny_face_detector_model-weights_manifest.json",
      3_219,
      "5d1af4849ac48d5b985f4a9b16010c512353ddd6fcc63d50fd0bc9e9e64296e5"),
  TINY_WEIGHTS(
      "tiny_face_detector_model.bin",
      193_321,
      "b7503ce7df31039b1c43316a9b865cab6a70dd748cc602d3fa28b551503c3871"),
  /** dlib's 68-point shape predictor (regression trees), from Debian's libdlib-data. */
  SHAPE_PREDICTOR_68(
      "shape_predictor_68_face_landmarks.dat",
      99_693_937,
      "fbdc2cb80eb9aa7a758672cbfdda32ba6300efe9b6e6c7a299ff7e736b11b92f",
      ModelSource.DLIB_DATA_DEBIAN),
  /**
   * MobileFaceNet (112x112 input, 192-D output, L2-normalised in the graph) as a TensorFlow.js
   * graph model: topology and weights manifest; its shard is {@link #MOBILEFACENET_WEIGHTS}.
   */
  MOBILEFACENET_GRAPH(
      "mobilefacenet.json",
      127_533,
      "bfbf27662ca1080dfd1b0a884aa166c135c1b7746b57385ecb44268828beb82a",
      ModelSource.HUMAN_MODELS_NPM),
  MOBILEFACENET_WEIGHTS(
      "mobilefacenet.bin",
      5_171_976,
      "c60e392478df0a2fd756f9a230c9935a04d136e9d3bf12e99a850d4802806089",
      ModelSource.HUMAN_MODELS_NPM),
  /** MediaPipe's BlazeFace back-camera detector (256x256) as a TensorFlow.js graph model. */
  BLAZEFACE_BACK_GRAPH(
      "blazeface-back.json",
      79_043,
      "a765f7b2a6c1d841ecc0b0686e5f51b141b39b7bcdf2888542dc9d9fc4384a87",
      ModelSource.HUMAN_MODELS_NPM),
  BLAZEFACE_BACK_WEIGHTS(
      "blazeface-back.bin",
      538_928,
      "dc9a97fdc50bc43216554bdd69aa3e7b9361a519ee7bdd996a2f69a98a6f9b72",
      ModelSource.HUMAN_MODELS_NPM),
  /**
   * MediaPipe's full-range face detector (192x192, faces up to about 5 m away) as a TensorFlow.js
   * graph model ({@code facemesh-detection-full} in the package).
   */
  MEDIAPIPE_FULL_GRAPH(
      "facemesh-detection-full.json",
      188_434,
      "1bdef3b5bfef3132ad5b625eca3493af01a373df4a3b2584fa250e5da16ed960",
      ModelSource.HUMAN_MODELS_NPM),
  MEDIAPIPE_FULL_WEIGHTS(
      "facemesh-detection-full.bin",
      1_026_192,
      "5c3f885a2fd36cb36a6e8bf96a902d9702d486dc76454536e7c15ba73c4e5b42",
      ModelSource.HUMAN_MODELS_NPM);

  /**
   * The npm package holding the v1 network weights (MIT; recognition weights from dlib, public
   * domain).
   */
  public static final String PACKAGE = "@vladmandic/face-api";

  /** The pinned version: every checksum above belongs to it. */
  public static final String VERSION = "1.7.15";

  /** Folder of the weight files inside the package tarball. */
  public static final String FOLDER_IN_PACKAGE = "package/model/";

  private final String fileName;
  private final long size;
  private final String sha256;
  private final ModelSource source;

  ModelFile(String fileName, long size, String sha256) {
    this(fileName, size, sha256, ModelSource.FACE_API_NPM);
  }

  ModelFile(String fileName, long size, String sha256, ModelSource source) {
    this.fileName = fileName;
    this.size = size;
    this.sha256 = sha256;
    this.source = source;
  }

  /** The package this file is fetched from. */
  public ModelSource source() {
    return source;
  }

  public String fileName() {
    return fileName;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }
}
