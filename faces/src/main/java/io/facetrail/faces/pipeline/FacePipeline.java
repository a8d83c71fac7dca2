package io.facetrail.faces.pipeline;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.align.FaceAligner;
import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.FaceDetector;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.detect.ScanningDetector;
import io.facetrail.faces.device.DeviceSelector;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.image.Contrast;
import io.facetrail.faces.image.ImageDecodeException;
import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.landmark.LandmarkDetector;
import io.facetrail.faces.landmark.trees.TreeLandmarks;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.quality.FaceMeasures;
import io.facetrail.faces.quality.FaceQuality;
import io.facetrail.faces.sweep.FrameKey;
import io.facetrail.faces.sweep.TileSweeps;
import java.util.ArrayList;
import java.util.List;

/**
 * Detects, aligns and embeds the faces of a batch of images. Create one per process (loading the
 * networks takes about a second) and share it: calls are thread-safe, and each call batches all
 * faces of all its images through each network. Per-stage timings come back with every result.
 *
 * <pre>{@code
 * try (FacePipeline faces = FacePipeline.create(FacePipelineSettings.defaults())) {
 *   BatchAnalysis result = faces.analyseEncoded(List.of(jpegBytes));
 *   for (AnalysedFace f : result.images().get(0).faces()) { ... f.code() ... }
 * }
 * }</pre>
 */
public final class FacePipeline implements AutoCloseable {
  /** Identifies v1's embedding space: dlib's ResNet weights with this pipeline's chip layout. */
  public static final String MODEL_ID = FaceEmbedder.V1_MODEL_ID;

  private final FacePipelineSettings settings;
  private final ResolvedDevice device;
  private final ScanningDetector detector;
  private final LandmarkDetector landmarks;
  private final TreeLandmarks trees;
  private final FaceAligner aligner;
  private final FaceEmbedder embedder;

  private FacePipeline(
      FacePipelineSettings settings,
      ResolvedDevice device,
      FaceDetector detector,
      LandmarkDetector landmarks,
      TreeLandmarks trees,
      FaceEmbedder embedder) {
    this.settings = settings;
    this.device = device;
    this.detector = new ScanningDetector(detector);
    this.landmarks = landmarks;
    this.trees = trees;
    this.aligner = new FaceAligner(settings.alignment());
    this.embedder = embedder;
  }

  /**
   * Images per detector call: {@code detectBatch} on a GPU, one on a CPU. On this project's 2-core
   * machine a 1080p frame went through the SSD detector 3.1 times faster alone than in a batch of 8
   * (5.73 vs 1.85 frames/s), the tiny one 3.6 times (`facetrail bench detect --batch 1|8`).
   */
  static int detectBatch(FacePipelineSettings settings, ResolvedDevice device) {
    return device.isGpu() ? settings.detectBatch() : 1;
  }

  /**
   * Loads the networks (fetching the weights into the cache on first use).
   *
   * @throws io.facetrail.runtime.config.InvalidConfigurationException for invalid settings
   * @throws io.facetrail.faces.model.ModelCacheException when the weights cannot be had
   */
  public static FacePipeline create(FacePipelineSettings settings) {
    return create(settings, FaceEmbedder.DEFAULT_DIVISOR);
  }

  /** As {@link #create(FacePipelineSettings)} with another input divisor (for evaluation). */
  public static FacePipeline create(FacePipelineSettings settings, float embeddingDivisor) {
    settings.validated();
    ResolvedDevice device = DeviceSelector.select(settings.device(), settings.threads());
    ModelCache cache = ModelCache.at(settings.modelsDir());
    FaceDetector det = null;
    LandmarkDetector lm = null;
    try {
      det =
          FaceDetectors.load(
              settings.detector(),
              cache,
              device,
              detectBatch(settings, device),
              settings.detectorInputSize());
      lm = LandmarkDetector.load(cache, device, settings.faceBatch());
      TreeLandmarks trees =
          settings.landmarks() == LandmarkModel.TREES ? TreeLandmarks.load(cache) : null;
      FaceEmbedder emb =
          FaceEmbedder.load(
              cache, device, embeddingDivisor, settings.faceBatch(), settings.embeddingModel());
      return new FacePipeline(settings, device, det, lm, trees, emb);
    } catch (RuntimeException e) {
      if (lm != null) {
        lm.close();
      }
      if (det != null) {
        det.close();
      }
      throw e;
    }
  }

  /**
   * The embedding space's id, stored with every code: {@code dlib-r29-v1}, or the id in the trained
   * model's {@code model.json} when {@link FacePipelineSettings#embeddingModel()} names one.
   */
  public String modelId() {
    return embedder.modelId();
  }

  public FacePipelineSettings settings() {
    return settings;
  }

  public ResolvedDevice device() {
    return device;
  }

  /**
   * Decodes JPEG/PNG bytes within these settings' pixel limit ({@link
   * FacePipelineSettings#maxImagePixels}); see {@link Images#decode(byte[],
   * io.facetrail.faces.image.PixelLimit)}.
   *
   * @throws io.facetrail.faces.image.ImageTooLargeException when the image is over the limit
   */
  public RgbImage decode(byte[] encoded) {
    return Images.decode(encoded, settings.pixelLimit());
  }

  /** Analyses one decoded image. */
  public ImageAnalysis analyse(RgbImage image) {
    return analyse(List.of(image)).images().get(0);
  }

  /**
   * Decodes and analyses encoded images. An undecodable image yields an analysis with its {@code
   * failure} set and no faces; the others are analysed normally.
   */
  public BatchAnalysis analyseEncoded(List<byte[]> encoded) {
    long t0 = System.nanoTime();
    List<RgbImage> decoded = new ArrayList<>();
    ImageDecodeException[] failures = new ImageDecodeException[encoded.size()];
    for (int i = 0; i < encoded.size(); i++) {
      try {
        decoded.add(decode(encoded.get(i)));
      } catch (ImageDecodeException e) {
        failures[i] = e;
      }
    }
    long decodeNanos = System.nanoTime() - t0;
    BatchAnalysis inner = analyse(decoded);
    List<ImageAnalysis> all = new ArrayList<>(encoded.size());
    int k = 0;
    for (ImageDecodeException failure : failures) {
      all.add(
          failure != null ? new ImageAnalysis(0, 0, List.of(), failure) : inner.images().get(k++));
    }
    return new BatchAnalysis(all, inner.timings().withDecode(decodeNanos));
  }

  /** Analyses decoded images: detection, landmarks, alignment, embedding. */
  public BatchAnalysis analyse(List<RgbImage> images) {
    long t0 = System.nanoTime();
    List<List<Detection>> detections = detector.detect(images, settings.scanSettings());
    return analysed(images, detections, System.nanoTime() - t0);
  }

  /**
   * Analyses frames of video streams, each stream's frames in order: the tiles of large frames are
   * spread over consecutive frames by {@code sweeps} ({@link FacePipelineSettings#tilesPerFrame}).
   *
   * @param keys each frame's stream, sequence number and shot
   */
  public BatchAnalysis analyseFrames(
      List<RgbImage> images, List<FrameKey> keys, TileSweeps sweeps) {
    long t0 = System.nanoTime();
    List<List<Detection>> detections =
        sweeps.detect(detector, settings.scanSettings(), images, keys);
    return analysed(images, detections, System.nanoTime() - t0);
  }

  /** A sweep state for this pipeline's settings, for one thread's frames of video streams. */
  public TileSweeps newSweeps() {
    return new TileSweeps(settings.tilesPerFrame(), System::nanoTime);
  }

  private BatchAnalysis analysed(
      List<RgbImage> images, List<List<Detection>> detections, long detectNanos) {
    FaceBatch faces = describe(images, detections);
    List<ImageAnalysis> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      out.add(
          new ImageAnalysis(
              images.get(i).width(), images.get(i).height(), faces.faces().get(i), null));
    }
    return new BatchAnalysis(out, faces.timings().plus(new StageTimings(0, detectNanos, 0, 0, 0)));
  }

  /**
   * The faces of a photo given as a person's (enrolment, identification by photo): the configured
   * detection, and when it finds nothing a second pass keeping detections from {@link
   * FacePipelineSettings#PHOTO_RETRY_SCORE}.
   */
  public ImageAnalysis analysePhoto(byte[] encoded) {
    RgbImage image;
    try {
      image = decode(encoded);
    } catch (ImageDecodeException e) {
      return new ImageAnalysis(0, 0, List.of(), e);
    }
    List<Detection> found = detectPhoto(image);
    List<AnalysedFace> faces = describe(List.of(image), List.of(found)).faces().get(0);
    return new ImageAnalysis(image.width(), image.height(), faces, null);
  }

  /** The detections {@link #analysePhoto} describes: the configured pass, then the retry. */
  public List<Detection> detectPhoto(RgbImage image) {
    ScanSettings scan = settings.scanSettings();
    List<Detection> found = detector.detect(List.of(image), scan).get(0);
    if (!found.isEmpty() || scan.minScore() <= FacePipelineSettings.PHOTO_RETRY_SCORE) {
      return found;
    }
    ScanSettings retry =
        new ScanSettings(
            (float) FacePipelineSettings.PHOTO_RETRY_SCORE,
            scan.minFaceSize(),
            scan.canvasPadding(),
            scan.tiling());
    found = detector.detect(List.of(image), retry).get(0);
    if (!found.isEmpty()) {
      return found;
    }
    // Washed-out and murky photos: the same pass on the photo with its contrast stretched.
    RgbImage stretched = Contrast.stretched(image);
    return stretched == image ? found : detector.detect(List.of(stretched), retry).get(0);
  }

  /** Faces per image for given detections, with the time of each stage. */
  public record FaceBatch(List<List<AnalysedFace>> faces, StageTimings timings) {}

  /**
   * Runs landmarks, alignment and embedding for detections chosen by the caller (for example one
   * face per photo, or a fixed box when nothing was detected).
   */
  public FaceBatch describe(List<RgbImage> images, List<List<Detection>> detections) {
    long t0 = System.nanoTime();
    List<List<float[]>> perImage = landmarks(images, detections);
    long t1 = System.nanoTime();
    List<float[]> imagePoints = new ArrayList<>();
    perImage.forEach(imagePoints::addAll);
    List<RgbImage> chips = new ArrayList<>(imagePoints.size());
    for (int i = 0; i < images.size(); i++) {
      chips.addAll(aligner.align(images.get(i), perImage.get(i)));
    }
    float[] quality = new float[chips.size()];
    FaceMeasures[] measures = new FaceMeasures[chips.size()];
    for (int j = 0; j < chips.size(); j++) {
      quality[j] = FaceQuality.score(imagePoints.get(j), chips.get(j));
      measures[j] = FaceMeasures.of(imagePoints.get(j), chips.get(j));
    }
    long t2 = System.nanoTime();
    List<List<RgbImage>> jittered =
        settings.jitter() == 0
            ? List.of()
            : ChipAveraging.jittered(aligner, images, perImage, settings.jitter());
    float[][] embeddings = ChipAveraging.embed(embedder, chips, settings.flip(), jittered);
    long t3 = System.nanoTime();
    List<List<AnalysedFace>> faces = new ArrayList<>(images.size());
    int k = 0;
    for (int i = 0; i < images.size(); i++) {
      List<AnalysedFace> list = new ArrayList<>();
      for (Detection d : detections.get(i)) {
        float[] e = embeddings[k];
        list.add(
            new AnalysedFace(
                d.box(),
                d.score(),
                imagePoints.get(k),
                quality[k],
                measures[k],
                e,
                FaceCode.quantise(e)));
        k++;
      }
      faces.add(list);
    }
    return new FaceBatch(faces, new StageTimings(0, 0, t1 - t0, t2 - t1, t3 - t2));
  }

  /**
   * The 68 landmarks of each detection, in the image's pixels, from the configured {@link
   * LandmarkModel}: the landmark network's points, or dlib's shape predictor placed by them.
   */
  public List<List<float[]>> landmarks(List<RgbImage> images, List<List<Detection>> detections) {
    List<List<float[]>> net = networkLandmarks(images, detections);
    if (trees == null) {
      return net;
    }
    List<List<float[]>> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      out.add(trees.refine(images.get(i), net.get(i)));
    }
    return out;
  }

  /**
   * The landmark network's 68 points for each detection, in the image's pixels: the network runs on
   * the detection box cut from the image (clipped, floored), as in the reference library.
   */
  public List<List<float[]>> networkLandmarks(
      List<RgbImage> images, List<List<Detection>> detections) {
    List<RgbImage> crops = new ArrayList<>();
    List<int[]> origins = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      RgbImage image = images.get(i);
      for (Detection d : detections.get(i)) {
        int[] r = cropRect(d.box(), image.width(), image.height());
        crops.add(image.crop(r[0], r[1], r[2], r[3]));
        origins.add(r);
      }
    }
    List<float[]> points = landmarks.detect(crops);
    List<List<float[]>> out = new ArrayList<>(images.size());
    int k = 0;
    for (int i = 0; i < images.size(); i++) {
      List<float[]> list = new ArrayList<>();
      for (int j = 0; j < detections.get(i).size(); j++, k++) {
        float[] p = points.get(k).clone();
        for (int q = 0; q < 68; q++) {
          p[2 * q] += origins.get(k)[0];
          p[2 * q + 1] += origins.get(k)[1];
        }
        list.add(p);
      }
      out.add(list);
    }
    return out;
  }

  /** The detector with its scanning strategy. */
  public ScanningDetector detector() {
    return detector;
  }

  /** L2-normalised embeddings of chips, without flip augmentation. */
  public float[][] embedPlain(List<RgbImage> chips) {
    return embedder.embed(chips);
  }

  /** The embedding network itself (for benchmarks). */
  public FaceEmbedder embedder() {
    return embedder;
  }

  /** Embeddings of chips, averaged with their mirror images when flip augmentation is on. */
  public float[][] embed(List<RgbImage> chips) {
    return ChipAveraging.embed(embedder, chips, settings.flip(), List.of());
  }

  /** The reference library's landmark crop: the box clipped to the image, floored, at least 1x1. */
  static int[] cropRect(FaceBox box, int width, int height) {
    int x = (int) Math.floor(Math.max(0, box.x()));
    int y = (int) Math.floor(Math.max(0, box.y()));
    x = Math.min(x, width - 1);
    y = Math.min(y, height - 1);
    int w = (int) Math.floor(Math.min(box.right(), width) - x);
    int h = (int) Math.floor(Math.min(box.bottom(), height) - y);
    return new int[] {
      x, y, Math.max(1, Math.min(w, width - x)), Math.max(1, Math.min(h, height - y))
    };
  }

  @Override
  public void close() {
    embedder.close();
    landmarks.close();
    detector.detector().close();
  }
}
