package io.facetrail.evaluation.detection;

import static io.facetrail.evaluation.detection.JsonLines.line;

import io.facetrail.evaluation.progress.ConsoleProgress;
import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.FaceDetector;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.detect.ScanningDetector;
import io.facetrail.faces.pipeline.DetectorKind;
import io.facetrail.faces.pipeline.FaceDetectors;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code facetrail eval detection}: detection recall against ground truth, beside the reference.
 */
@Command(
    name = "detection",
    mixinStandardHelpOptions = true,
    description = {
      "Face detection recall with ground truth: LFW faces of known yaw (from their 68 landmarks)"
          + " composited at 30-120 px into views of real video (--clip) and generated clutter;"
          + " a share of frames dimmed to warm low light, of faces blurred or JPEG-compressed.",
      "Runs FaceTrail's detector (the whole-frame pass with tiles, as ACCURATE; one pass, as"
          + " FAST) and, with --reference, the reference library on the same JPEG frames.",
      "Prints JSON lines: recall per yaw, size, light, blur and JPEG bucket and per target group,"
          + " false positives per frame, recall on tight 150x150 crops of faces; writes"
          + " OUT/recall.png, example sheets per variant (OUT/frames-*.png, OUT/crops-*.png: faces"
          + " found green, missed red, detections yellow) and keeps the frames in OUT/frames."
    })
public final class EvalDetectionCommand implements Callable<Integer> {
  @Option(names = "--lfw-dir", required = true, description = "LFW folder (lfw-deepfunneled/).")
  Path lfwDir;

  @Option(names = "--clip", description = "Real video whose frames become backgrounds (repeat).")
  List<Path> clips = new ArrayList<>();

  @Option(
      names = "--reference",
      description =
          "The reference library's peer folder (face-api.js: detect-all.mjs, node_modules after"
              + " `npm ci`), run side by side at minConfidence 0.5 and 0.3.")
  Path reference;

  @Option(
      names = "--frames",
      defaultValue = "150",
      description = "Frames (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(
      names = "--faces-per-frame",
      defaultValue = "4",
      description = "Faces placed per frame (default: ${DEFAULT-VALUE}).")
  int facesPerFrame;

  @Option(
      names = "--frame-size",
      defaultValue = "640x360",
      description = "Frame width x height (default: ${DEFAULT-VALUE}, a broadcast clip's).")
  String frameSize;

  @Option(
      names = "--per-yaw",
      defaultValue = "80",
      description = "Source photos per yaw bucket (default: ${DEFAULT-VALUE}).")
  int perYaw;

  @Option(
      names = "--tight-crops",
      defaultValue = "120",
      description = "Tight 150x150 crops to test (default: ${DEFAULT-VALUE}).")
  int tightCrops;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description =
          "Seed of the photo order, backgrounds and placements (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      defaultValue = "eval-detection",
      description = "Folder for frames, crops and recall.png (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--canvas-padding",
      defaultValue = "0.0",
      description =
          "Border of FaceTrail's whole-frame pass, per side, as a share of the longer side"
              + " (default: ${DEFAULT-VALUE}, the embedder's for video frames).")
  double canvasPadding;

  @Option(
      names = "--photo-canvas-padding",
      description =
          "The same border for the tight crops (default: the pipeline's for photos, "
              + FacePipelineSettings.PHOTO_CANVAS_PADDING
              + ").")
  Double photoCanvasPadding;

  @Option(
      names = "--detectors",
      split = ",",
      description =
          "Detectors to compare instead of FaceTrail's configured one, each scanned as ACCURATE"
              + " (whole frame and tiles): "
              + "SSD, TINY, BLAZEFACE_BACK, MEDIAPIPE_FULL, or an ensemble joined by + (e.g."
              + " SSD+BLAZEFACE_BACK: the union of the members' detections, then NMS at IoU 0.3);"
              + " a member may carry its own floor (BLAZEFACE_BACK@0.5), else it contributes from"
              + " the report's floor 0.3. Each is reported per bucket at 0.5 and 0.3, with ms per"
              + " frame.")
  List<String> detectorSpecs = new ArrayList<>();

  @Mixin ModelRunOptions models;

  /** Scores the report is given at; detectors run once at the lowest. */
  static final float FLOOR = 0.3f;

  static final float HIGH = 0.5f;

  /** Score and face size down to which background faces are looked for (to be ignored). */
  static final float BACKGROUND_FLOOR = 0.15f;

  static final int BACKGROUND_MIN_FACE = 20;

  /** Frames (and four times as many crops) drawn on each variant's example sheet. */
  private static final int EXAMPLES = 12;

  @Override
  public Integer call() {
    int[] size = parseSize(frameSize);
    Random rng = new Random(seed);
    FacePipelineSettings settings =
        FacePipelineSettings.defaults()
            .withDevice(models.device())
            .withModelsDir(models.modelsDir())
            .withBatches(1, 64, models.threads());
    ScanSettings production = settings.scanSettings();
    List<DetectorSpec> specs = detectorSpecs.stream().map(DetectorSpec::parse).toList();
    Map<DetectorKind, FaceDetector> loaded = new EnumMap<>(DetectorKind.class);
    try (FacePipeline faces = FacePipeline.create(settings)) {
      List<FrameDetector> detectors = new ArrayList<>();
      if (specs.isEmpty()) {
        detectors.add(
            new FaceTrailFrameDetector(
                "facetrail",
                faces,
                new ScanSettings(FLOOR, production.minFaceSize(), (float) canvasPadding, true)));
        detectors.add(
            new FaceTrailFrameDetector(
                "facetrail-fast",
                faces,
                new ScanSettings(FLOOR, production.minFaceSize(), (float) canvasPadding, false)));
      } else {
        ScanSettings scan =
            new ScanSettings(FLOOR, production.minFaceSize(), (float) canvasPadding, true);
        for (DetectorSpec spec : specs) {
          detectors.add(scanned(spec, faces, loaded, scan));
        }
      }
      if (reference != null) {
        detectors.add(new ReferenceFrameDetector(reference));
      }
      List<Variant> variants = new ArrayList<>();
      for (FrameDetector d : detectors) {
        if (!d.name().equals("facetrail-fast")) {
          variants.add(new Variant(d.name(), HIGH));
        }
        variants.add(new Variant(d.name(), FLOOR));
      }
      Map<YawBucket, List<FaceSample>> pool;
      try (ProgressBar bar = ConsoleProgress.bar("LFW poses", 3L * perYaw)) {
        pool = FaceSamples.load(faces, lfwDir, perYaw, seed, bar::step);
      }
      pool.forEach(
          (b, l) -> {
            if (l.isEmpty()) {
              throw new UserFacingException("no LFW face with yaw " + b.label + " found");
            }
          });
      Files.createDirectories(out.resolve("frames"));
      Files.createDirectories(out.resolve("crops"));
      line(
          "{\"config\":{\"frames\":%d,\"faces_per_frame\":%d,\"frame_size\":\"%s\",\"seed\":%d,"
              + "\"clips\":%d,\"pool\":{\"0-15\":%d,\"15-45\":%d,\"45-75\":%d},"
              + "\"min_face_size\":%d,\"canvas_padding\":%s,\"reference\":%b}}",
          frames,
          facesPerFrame,
          frameSize,
          seed,
          clips.size(),
          pool.get(YawBucket.FRONTAL).size(),
          pool.get(YawBucket.THREE_QUARTER).size(),
          pool.get(YawBucket.PROFILE).size(),
          production.minFaceSize(),
          (float) canvasPadding,
          reference != null);
      FrameDetector backgroundProbe =
          new FaceTrailFrameDetector(
              "background",
              faces,
              new ScanSettings(BACKGROUND_FLOOR, BACKGROUND_MIN_FACE, (float) canvasPadding, true));
      List<ComposedFrame> composed = compose(detectors, backgroundProbe, pool, size, rng);
      RecallTally tally = score(detectors, variants, composed);
      tally.print(variants);
      RecallChart.write(
          out.resolve("recall.png"),
          tally,
          variants,
          composed.stream().mapToInt(f -> f.faces().size()).sum());
      float photoPadding =
          (float)
              (photoCanvasPadding != null
                  ? photoCanvasPadding
                  : FacePipelineSettings.PHOTO_CANVAS_PADDING);
      if (tightCrops > 0) {
        // Photos go through enrolment's own detection: the photo canvas, then the retries.
        try (FacePipeline photos =
            FacePipeline.create(
                FacePipelineSettings.forPhotos()
                    .withDevice(models.device())
                    .withModelsDir(models.modelsDir())
                    .withBatches(1, 64, models.threads())
                    .toBuilder()
                    .canvasPadding(photoPadding)
                    .build())) {
          List<FrameDetector> photoDetectors = new ArrayList<>();
          if (specs.isEmpty()) {
            photoDetectors.add(new PhotoDetector(photos));
          }
          for (FrameDetector d : detectors) {
            if (d instanceof ScannedFrameDetector s) {
              photoDetectors.add(s.withCanvasPadding(photoPadding));
            } else if (!d.name().startsWith("facetrail")) {
              photoDetectors.add(d); // the reference sees the photo as it is
            }
          }
          new TightCropRun(out.resolve("crops"), tightCrops, 4 * EXAMPLES)
              .run(photoDetectors, variants, pool, rng, photoPadding);
        }
      }
      System.err.println("eval detection: chart and frames in " + out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      loaded.values().forEach(FaceDetector::close);
    }
    return 0;
  }

  /**
   * A {@code --detectors} entry; each detector is loaded once and shared between entries, the
   * pipeline's own detector reused.
   */
  private ScannedFrameDetector scanned(
      DetectorSpec spec,
      FacePipeline faces,
      Map<DetectorKind, FaceDetector> loaded,
      ScanSettings scan) {
    List<ScannedFrameDetector.Member> members = new ArrayList<>();
    for (DetectorSpec.Member m : spec.members()) {
      ScanningDetector scanner;
      if (m.kind() == faces.settings().detector()) {
        scanner = faces.detector();
      } else {
        FaceDetector d =
            loaded.computeIfAbsent(
                m.kind(), k -> FaceDetectors.load(k, models.cache(), faces.device(), 1, 0));
        scanner = new ScanningDetector(d);
      }
      members.add(new ScannedFrameDetector.Member(scanner, m.floor() != null ? m.floor() : FLOOR));
    }
    return new ScannedFrameDetector(spec.name(), members, scan);
  }

  private List<ComposedFrame> compose(
      List<FrameDetector> detectors,
      FrameDetector backgroundProbe,
      Map<YawBucket, List<FaceSample>> pool,
      int[] size,
      Random rng)
      throws IOException {
    int count = Math.max(8, frames / 4);
    List<io.facetrail.faces.image.RgbImage> backgrounds =
        Backgrounds.make(clips, count, size[0], size[1], rng);
    // Faces the backgrounds already hold (the real clip is full of small, distant people) are
    // neither hits nor misses. They are looked for by every detector, plus FaceTrail's at a lower
    // score and size, on each background as it is and dimmed as a dim frame will show it, so that a
    // background face that scores a little higher in its frame is not counted as a false positive.
    List<Path> bgFiles = new ArrayList<>();
    Random dimming = new Random(seed);
    for (int i = 0; i < backgrounds.size(); i++) {
      Path f = out.resolve("frames").resolve(String.format("background-%03d.jpg", i));
      Files.write(f, Pixels.jpeg(backgrounds.get(i), 95));
      bgFiles.add(f);
      Path d = out.resolve("frames").resolve(String.format("background-%03d-dim.jpg", i));
      Files.write(d, Pixels.jpeg(Pixels.dimmed(backgrounds.get(i), 0.35, 0, dimming), 95));
      bgFiles.add(d);
    }
    List<List<FaceBox>> ignore = new ArrayList<>();
    backgrounds.forEach(b -> ignore.add(new ArrayList<>()));
    List<FrameDetector> probes = new ArrayList<>(detectors);
    probes.add(backgroundProbe);
    for (FrameDetector d : probes) {
      List<List<Detection>> found = d.detect(bgFiles);
      for (int i = 0; i < found.size(); i++) {
        for (Detection det : found.get(i)) {
          ignore.get(i / 2).add(det.box());
        }
      }
    }
    List<YawBucket> yaws = List.of(YawBucket.values());
    List<ComposedFrame> framesOut = new ArrayList<>();
    try (ProgressBar bar = ConsoleProgress.bar("compose", frames)) {
      for (int i = 0; i < frames; i++) {
        List<FrameComposer.Order> orders = new ArrayList<>();
        for (int k = 0; k < facesPerFrame; k++) {
          YawBucket yaw = yaws.get(rng.nextInt(yaws.size()));
          List<FaceSample> l = pool.get(yaw);
          int height =
              SizeBucket.TINY.from + rng.nextInt(SizeBucket.LARGE.to - SizeBucket.TINY.from);
          orders.add(new FrameComposer.Order(l.get(rng.nextInt(l.size())), yaw, height));
        }
        int b = i % backgrounds.size();
        boolean dim = rng.nextDouble() < 0.3;
        ComposedFrame f =
            FrameComposer.compose(backgrounds.get(b), orders, dim, ignore.get(b), rng);
        Files.write(frameFile(i), Pixels.jpeg(f.image(), 95));
        // The pixels live in the file now; keep only the truth.
        framesOut.add(new ComposedFrame(null, f.faces(), f.ignore()));
        bar.step();
      }
    }
    return framesOut;
  }

  private Path frameFile(int i) {
    return out.resolve("frames").resolve(String.format("frame-%04d.jpg", i));
  }

  private RecallTally score(
      List<FrameDetector> detectors, List<Variant> variants, List<ComposedFrame> composed) {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < composed.size(); i++) {
      files.add(frameFile(i));
    }
    RecallTally tally = new RecallTally();
    composed.forEach(f -> tally.frame());
    for (FrameDetector d : detectors) {
      List<List<Detection>> found;
      long t0 = System.nanoTime();
      try (ProgressBar bar = ConsoleProgress.bar(d.name(), files.size())) {
        found = new ArrayList<>();
        for (int start = 0; start < files.size(); start += 25) {
          found.addAll(d.detect(files.subList(start, Math.min(files.size(), start + 25))));
          bar.stepTo(Math.min(files.size(), start + 25));
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      line(
          "{\"detector\":\"%s\",\"frames\":%d,\"seconds\":%.1f,\"ms_per_frame\":%.0f}",
          d.name(), files.size(), seconds, 1000 * seconds / files.size());
      for (Variant v : variants) {
        if (!v.detector().equals(d.name())) {
          continue;
        }
        List<ExampleSheet.Tile> tiles = new ArrayList<>();
        for (int i = 0; i < composed.size(); i++) {
          ComposedFrame f = composed.get(i);
          List<Detection> kept =
              found.get(i).stream().filter(x -> x.score() >= v.minScore()).toList();
          List<FaceBox> truth = f.faces().stream().map(PlacedFace::truth).toList();
          DetectionScoring.Outcome o = DetectionScoring.score(kept, truth, f.ignore());
          for (int k = 0; k < f.faces().size(); k++) {
            tally.add(v, f.faces().get(k), o.found()[k]);
          }
          tally.falsePositives(v, o.falsePositives());
          if (i < EXAMPLES) {
            tiles.add(new ExampleSheet.Tile(files.get(i), truth, o.found(), kept, f.ignore()));
          }
        }
        ExampleSheet.write(out.resolve("frames-" + v.label() + ".png"), tiles, 3, 480);
      }
    }
    return tally;
  }

  static int[] parseSize(String s) {
    String[] p = s.toLowerCase(java.util.Locale.ROOT).split("x", -1);
    if (p.length == 2 && p[0].matches("\\d{1,5}") && p[1].matches("\\d{1,5}")) {
      int w = Integer.parseInt(p[0]);
      int h = Integer.parseInt(p[1]);
      if (w >= 160 && h >= 120 && w <= 3840 && h <= 2160) {
        return new int[] {w, h};
      }
    }
    throw new UserFacingException(
        "--frame-size must be WIDTHxHEIGHT between 160x120 and 3840x2160, got " + s);
  }
}
