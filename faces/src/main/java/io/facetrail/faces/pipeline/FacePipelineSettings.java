package io.facetrail.faces.pipeline;

import io.facetrail.faces.align.AlignmentMethod;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.detect.SsdMobileNetV1;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.faces.image.PixelLimit;
import io.facetrail.faces.trained.ModelMetadata;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of a {@link FacePipeline}.
 *
 * @param modelsDir model cache folder; null for {@code FACETRAIL_MODELS_DIR} or the user cache
 * @param device where the networks run: {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}
 * @param detector which detector runs
 * @param minScore detections scoring at or below this are dropped (0..1)
 * @param minFaceSize smallest face side to report, in pixels; also decides tiling of large images
 * @param canvasPadding whole-image pass border per side, as a fraction of the longer side
 * @param tiling whether large images are also scanned in tiles for small faces
 * @param alignment how chips are cut for the embedding network
 * @param landmarks which model places the landmarks chips are aligned by
 * @param flip whether each face is also embedded mirrored and the two embeddings averaged
 * @param jitter jittered chips per face averaged into its embedding too (dlib's test-time
 *     augmentation, {@link io.facetrail.faces.align.ChipJitter}); 0 for none. Each costs one more
 *     embedding per face: meant for enrolment (with 16 and the shipped FAR 1e-3 threshold, LFW's
 *     genuine pairs were accepted at 96.2% instead of 95.5% with only one side jittered, 96.5% with
 *     both, false accepts unchanged), not for live video
 * @param detectBatch images (or tiles) per detector call on a GPU; on a CPU the detectors take one
 *     image per call, which was about three times faster per image than batches of 8 there
 * @param faceBatch faces per landmark and embedding call
 * @param threads PyTorch intra-op threads; 0 for every processor this JVM may use
 * @param landmarks which model places the landmarks
 * @param detectorInputSize the detector network's input side (the longer image side is scaled to
 *     it); 0 for the detector's own (SSD: 512, fixed; TINY: 416, any multiple of 32 from 128 to
 *     1920). A larger TINY input finds smaller faces in one pass, at quadratic cost.
 * @param embeddingModel folder of a trained embedding model ({@code model.json} and its parameters,
 *     as {@code facetrail train harmonic} writes them); null for v1 ({@value
 *     FacePipeline#MODEL_ID}), the published network
 * @param maxImagePixels the largest image (width x height) decoded, checked against its header
 *     before anything is allocated ({@link PixelLimit}); larger photos and frames are refused
 * @param tilesPerFrame for frames of video streams analysed in order (the embedder): tiles of a
 *     large frame scanned per frame, in rotation, with windows kept on the small faces already
 *     found ({@link io.facetrail.faces.sweep.TileSweeps}); 0 scans every tile on every frame.
 *     Single images always get every tile.
 */
public record FacePipelineSettings(
    Path modelsDir,
    DeviceSetting device,
    DetectorKind detector,
    double minScore,
    int minFaceSize,
    double canvasPadding,
    boolean tiling,
    AlignmentMethod alignment,
    boolean flip,
    int jitter,
    int detectBatch,
    int faceBatch,
    int threads,
    LandmarkModel landmarks,
    int detectorInputSize,
    Path embeddingModel,
    long maxImagePixels,
    int tilesPerFrame)
    implements Validated {

  /**
   * Border of the whole-image pass for single photos (enrolment, identification by photo), per
   * side, as a share of the longer side. Watchlist and ID photos are cropped so tight that the face
   * fills most of the picture, and the SSD misses faces that fill more than about 40% of its input:
   * on 100 LFW crops with the face filling 80-100% of a 150 px square ({@code facetrail eval
   * detection}, design seed 1), a border of 0.25 found 34, 0.5 87, 0.75 98 and 1.0 97. Larger
   * photos get tiles for their small faces as before.
   */
  public static final double PHOTO_CANVAS_PADDING = 0.75;

  /**
   * Score a photo's second detection pass keeps when the first found no face ({@link
   * FacePipeline#detectPhoto}; a third pass runs on the photo with its contrast stretched): a photo
   * given as a person's is expected to show one. On 200 tight crops of {@code eval detection} seed
   * 4 the first pass found 192, the retries 194 and 197; on held-out seed 5, 192 and 199 of 200.
   */
  public static final double PHOTO_RETRY_SCORE = 0.3;

  /** How these settings are named in configuration errors when no file holds them. */
  static final String SOURCE = "face pipeline settings";

  /**
   * Tiles per frame of a video stream by default. A 1080p frame has eight tiles: two a frame find a
   * new small face within four frames (0.8 s at 5 fps), and with the whole-frame pass and the
   * windows on known faces took about half the detection time of scanning all eight (app/README.md,
   * "Benchmark"); one a frame saved little more.
   */
  public static final int DEFAULT_TILES_PER_FRAME = 2;

  /**
   * The defaults for photos of people: {@link #defaults()} with the photo canvas ({@link
   * #PHOTO_CANVAS_PADDING}).
   */
  public static FacePipelineSettings forPhotos() {
    return defaults().toBuilder().canvasPadding(PHOTO_CANVAS_PADDING).build();
  }

  /**
   * The defaults: CPU, SSD, aligned chips, flip augmentation, all cores; a whole-image border of
   * 0.25, the setting LFW and the shipped calibration were measured with.
   */
  public static FacePipelineSettings defaults() {
    return new FacePipelineSettings(
        null,
        new DeviceSetting(DeviceSetting.Kind.CPU, -1),
        DetectorKind.SSD,
        0.5,
        32,
        0.25,
        true,
        AlignmentMethod.DLIB_33,
        true,
        0,
        8,
        32,
        0,
        LandmarkModel.NETWORK,
        0,
        null,
        PixelLimit.DEFAULT_MAX_PIXELS,
        DEFAULT_TILES_PER_FRAME);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.required(device, ConfigProblems.path(path, "device"));
    problems.required(detector, ConfigProblems.path(path, "detector"));
    problems.required(alignment, ConfigProblems.path(path, "alignment"));
    problems.required(landmarks, ConfigProblems.path(path, "landmarks"));
    problems.require(
        minScore > 0 && minScore < 1,
        ConfigProblems.path(path, "minScore"),
        "is " + minScore + ", must lie strictly between 0 and 1");
    problems.range(minFaceSize, 8, 4096, ConfigProblems.path(path, "minFaceSize"));
    problems.range(canvasPadding, 0.0, 2.0, ConfigProblems.path(path, "canvasPadding"));
    problems.range(jitter, 0, 256, ConfigProblems.path(path, "jitter"));
    problems.require(
        jitter == 0 || alignment != AlignmentMethod.UNROTATED_BOX,
        ConfigProblems.path(path, "jitter"),
        "is " + jitter + ", but the UNROTATED_BOX crop has no transform to jitter (use 0)");
    problems.range(detectBatch, 1, 1024, ConfigProblems.path(path, "detectBatch"));
    problems.range(faceBatch, 1, 4096, ConfigProblems.path(path, "faceBatch"));
    problems.range(threads, 0, 1024, ConfigProblems.path(path, "threads"));
    String inputPath = ConfigProblems.path(path, "detectorInputSize");
    if (detector == DetectorKind.SSD) {
      problems.require(
          detectorInputSize == 0 || detectorInputSize == SsdMobileNetV1.INPUT_SIZE,
          inputPath,
          "is " + detectorInputSize + "; the SSD detector's input is fixed (0 or 512)");
    } else if (detector != null && detector.fixedInput()) {
      problems.require(
          detectorInputSize == 0,
          inputPath,
          "is " + detectorInputSize + "; the " + detector + " detector's input is fixed (use 0)");
    } else {
      problems.require(
          detectorInputSize == 0
              || (detectorInputSize >= 128
                  && detectorInputSize <= 1920
                  && detectorInputSize % 32 == 0),
          inputPath,
          "is " + detectorInputSize + ", must be 0 or a multiple of 32 from 128 to 1920");
    }
    problems.range(tilesPerFrame, 0, 64, ConfigProblems.path(path, "tilesPerFrame"));
    problems.range(
        maxImagePixels, 1, PixelLimit.CEILING, ConfigProblems.path(path, "maxImagePixels"));
    validateEmbeddingModel(problems, path);
  }

  private void validateEmbeddingModel(ConfigProblems problems, String path) {
    if (embeddingModel == null) {
      return;
    }
    String where = ConfigProblems.path(path, "embeddingModel");
    if (!Files.isRegularFile(embeddingModel.resolve(ModelMetadata.FILE_NAME))) {
      problems.add(where, "is " + embeddingModel + ", which holds no " + ModelMetadata.FILE_NAME);
      return;
    }
    try {
      ModelMetadata m = ModelMetadata.read(embeddingModel);
      problems.require(
          Files.isRegularFile(embeddingModel.resolve(m.parameters())),
          where,
          "is " + embeddingModel + ", which lacks its parameter file " + m.parameters());
    } catch (IllegalArgumentException | UncheckedIOException e) {
      problems.add(where, e.getMessage());
    }
  }

  /** Throws {@link io.facetrail.runtime.config.InvalidConfigurationException} listing problems. */
  public FacePipelineSettings validated() {
    ConfigProblems problems = new ConfigProblems();
    validate(problems, "");
    problems.throwIfAny(SOURCE);
    return this;
  }

  /** The detector's scanning settings these settings imply. */
  public ScanSettings scanSettings() {
    return new ScanSettings((float) minScore, minFaceSize, (float) canvasPadding, tiling);
  }

  /** The limit {@link #maxImagePixels} sets. */
  public PixelLimit pixelLimit() {
    return new PixelLimit(maxImagePixels);
  }

  /** A builder holding these settings, to change some of them. */
  public FacePipelineSettingsBuilder toBuilder() {
    return new FacePipelineSettingsBuilder(this);
  }

  public FacePipelineSettings withDevice(DeviceSetting newDevice) {
    return toBuilder().device(newDevice).build();
  }

  /**
   * These settings with the device a command-line option names ({@code cpu}, {@code gpu}, {@code
   * gpu:N}, {@code auto}).
   *
   * @throws io.facetrail.runtime.config.InvalidConfigurationException naming the accepted forms
   */
  public FacePipelineSettings withDevice(String newDevice) {
    return toBuilder().device(newDevice).build();
  }

  public FacePipelineSettings withDetection(
      DetectorKind newDetector, double newMinScore, double newCanvasPadding) {
    return toBuilder()
        .detector(newDetector)
        .minScore(newMinScore)
        .canvasPadding(newCanvasPadding)
        .build();
  }

  public FacePipelineSettings withEmbedding(AlignmentMethod newAlignment, boolean newFlip) {
    return toBuilder().alignment(newAlignment).flip(newFlip).build();
  }

  public FacePipelineSettings withBatches(int newDetectBatch, int newFaceBatch, int newThreads) {
    return toBuilder()
        .detectBatch(newDetectBatch)
        .faceBatch(newFaceBatch)
        .threads(newThreads)
        .build();
  }

  public FacePipelineSettings withLandmarks(LandmarkModel newLandmarks) {
    return toBuilder().landmarks(newLandmarks).build();
  }

  public FacePipelineSettings withDetectorInputSize(int size) {
    return toBuilder().detectorInputSize(size).build();
  }

  public FacePipelineSettings withModelsDir(Path dir) {
    return toBuilder().modelsDir(dir).build();
  }

  /** These settings with {@code count} jittered chips per face (0 for none). */
  public FacePipelineSettings withJitter(int count) {
    return toBuilder().jitter(count).build();
  }

  /** These settings with a trained embedding model's folder (null for v1). */
  public FacePipelineSettings withEmbeddingModel(Path folder) {
    return toBuilder().embeddingModel(folder).build();
  }
}
