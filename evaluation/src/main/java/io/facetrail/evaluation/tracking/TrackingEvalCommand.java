package io.facetrail.evaluation.tracking;

import io.facetrail.evaluation.tracking.TrackingEvaluation.Cast;
import io.facetrail.evaluation.tracking.TrackingEvaluation.SequenceResult;
import io.facetrail.evaluation.tracking.detect.CachingDetector;
import io.facetrail.evaluation.tracking.detect.FacePipelineDetector;
import io.facetrail.evaluation.tracking.detect.FrameFaceDetector;
import io.facetrail.evaluation.tracking.metrics.TrackingScores;
import io.facetrail.evaluation.tracking.scene.FacePhoto;
import io.facetrail.evaluation.tracking.scene.LfwPhotos;
import io.facetrail.evaluation.tracking.scene.Scenario;
import io.facetrail.evaluation.tracking.scene.Scenarios;
import io.facetrail.faces.pipeline.DetectorKind;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.tracker.track.TrackingParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code facetrail eval tracking}: scores the tracker on generated sequences of real faces. */
@Command(
    name = "tracking",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the tracker (MOTA, IDF1, ID switches) on generated sequences with exact ground"
          + " truth: LFW faces moving, crossing, hiding each other, leaving and coming back.",
      "Detections come from the real face models. Prints one JSON object per sequence, then"
          + " one for all of them."
    })
public final class TrackingEvalCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(TrackingEvalCommand.class);

  @Option(
      names = "--lfw-dir",
      paramLabel = "DIR",
      description = "LFW folder holding lfw-deepfunneled/ (default: $FACETRAIL_LFW_DIR)")
  Path lfwDir;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Cast and scene seed (${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--sequence",
      paramLabel = "NAME",
      description =
          "Run only these sequences (crossing, occlusion, exit-reenter, crowd, approach,"
              + " irregular); default all")
  List<String> sequences;

  @Option(names = "--iou", defaultValue = "0.5", description = "Match threshold (${DEFAULT-VALUE})")
  double iou;

  @Option(
      names = "--detector",
      defaultValue = "SSD",
      description = "SSD or TINY (${DEFAULT-VALUE})")
  DetectorKind detector;

  @Option(
      names = "--min-score",
      defaultValue = "0.3",
      description =
          "Detector score threshold; below the tracker's highScore so weak detections reach its"
              + " second stage (${DEFAULT-VALUE})")
  double minScore;

  @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu, gpu:N, auto")
  String device;

  @Option(names = "--models-dir", paramLabel = "DIR", description = "Face model cache")
  Path modelsDir;

  @Option(
      names = "--min-face-size",
      defaultValue = "45",
      description =
          "Smallest face the detector looks for, px; the generated faces are 45 px or more, so one"
              + " detector pass per frame suffices (${DEFAULT-VALUE})")
  int minFaceSize;

  @Option(
      names = "--canvas-padding",
      defaultValue = "0.0",
      description = "Detector border for faces filling the frame; none do here (${DEFAULT-VALUE})")
  double canvasPadding;

  @Option(
      names = "--no-flip",
      description =
          "Embed each face once; by default it is also embedded mirrored and the two averaged, as"
              + " the embedder does")
  boolean noFlip;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Keep detections here, keyed by frame pixels and detector settings, so re-runs skip"
              + " the face models")
  Path cacheDir;

  @Option(
      names = "--video",
      paramLabel = "FILE",
      description =
          "Also track a real clip (no ground truth) and report its tracks, their lengths and"
              + " likely fragments, e.g. ../shared/videos/opera-house-pedestrians-1080p.mp4")
  Path video;

  @Option(
      names = "--video-step",
      defaultValue = "2",
      description =
          "Track every N-th frame of the clip, as a sampling ingest would (${DEFAULT-VALUE})")
  int videoStep;

  @Option(
      names = "--video-min-face-size",
      defaultValue = "60",
      description = "Smallest face looked for in the clip, px (${DEFAULT-VALUE})")
  int videoMinFaceSize;

  @Option(
      names = "--video-canvas-padding",
      defaultValue = "0.25",
      description =
          "Detector border in the clip, as a fraction of the longer side; 0 as the embedder"
              + " service does for video (${DEFAULT-VALUE})")
  double videoCanvasPadding;

  @Option(
      names = "--detector-input-size",
      defaultValue = "0",
      description =
          "Detector input side; 0 for the detector's own (TINY: any multiple of 32, larger finds"
              + " smaller faces) (${DEFAULT-VALUE})")
  int detectorInputSize;

  @Option(
      names = "--no-tiling",
      description = "One whole-frame detector pass, no tiles for small faces in large frames")
  boolean noTiling;

  @Option(names = "--no-generated", description = "Skip the generated sequences (clip only)")
  boolean noGenerated;

  @Option(
      names = "--ignore-shots",
      description =
          "Do not end tracks at shot changes, as before contract revision 2: shows what the shot"
              + " boundaries prevent (identity transfers in the cut sequence)")
  boolean ignoreShots;

  @Override
  public Integer call() {
    if (video != null && !Files.isRegularFile(video)) {
      throw new UserFacingException("--video " + video + ": no such file");
    }
    if (videoStep < 1) {
      throw new UserFacingException("--video-step must be at least 1");
    }
    if (!noGenerated) {
      runGenerated();
    }
    if (video != null) {
      runClip();
    }
    return 0;
  }

  private void runClip() {
    TrackingParameters params = TrackingParameters.defaults();
    FrameFaceDetector pipeline =
        FacePipelineDetector.open(settings(videoMinFaceSize, videoCanvasPadding));
    try (FrameFaceDetector faces =
        cacheDir == null ? pipeline : new CachingDetector(pipeline, cacheDir)) {
      ClipEvaluation.ClipResult r = new ClipEvaluation(faces, params).run(video, videoStep);
      System.out.println(r.json(video, videoStep, faces.description()));
    }
  }

  private FacePipelineSettings settings(int minFace, double padding) {
    return FacePipelineSettings.defaults().toBuilder()
        .modelsDir(modelsDir)
        .device(device)
        .detector(detector)
        .minScore(minScore)
        .minFaceSize(minFace)
        .canvasPadding(padding)
        .tiling(!noTiling)
        .flip(!noFlip)
        .detectorInputSize(detectorInputSize)
        .build();
  }

  private void runGenerated() {
    Path lfw = lfwDir != null ? lfwDir : envPath("FACETRAIL_LFW_DIR");
    if (lfw == null || !Files.isDirectory(lfw.resolve("lfw-deepfunneled"))) {
      throw new UserFacingException(
          "the tracking evaluation needs LFW: give --lfw-dir (or FACETRAIL_LFW_DIR) as the folder"
              + " holding lfw-deepfunneled/"
              + (lfw == null ? "" : "; " + lfw + " holds none"));
    }
    List<Scenario> all = Scenarios.all(seed);
    List<Scenario> scenarios = selected(all);
    TrackingParameters params = TrackingParameters.defaults();
    FrameFaceDetector pipeline = FacePipelineDetector.open(settings(minFaceSize, canvasPadding));
    try (FrameFaceDetector faces =
        cacheDir == null ? pipeline : new CachingDetector(pipeline, cacheDir)) {
      TrackingEvaluation evaluation = new TrackingEvaluation(faces, params, iou, !ignoreShots);
      // The cast always covers every scenario, so a scenario gets the same people (and the same
      // frames) whether it runs alone or with the others.
      int needed = all.stream().mapToInt(Scenario::photos).sum();
      Cast cast = evaluation.cast(LfwPhotos.at(lfw), needed, seed);
      TrackingScores total = TrackingScores.zero();
      AppearanceStats appearance = new AppearanceStats();
      long frames = 0;
      double seconds = 0;
      long shotChanges = 0;
      long transfers = 0;
      for (Scenario scenario : scenarios) {
        int first = 0;
        for (Scenario s : all.subList(0, all.indexOf(scenario))) {
          first += s.photos();
        }
        List<FacePhoto> photos = cast.photos().subList(first, first + scenario.photos());
        SequenceResult r = evaluation.run(scenario, photos);
        System.out.println(
            json(
                r.name(),
                r.frames(),
                r.scores(),
                r.appearance(),
                r.seconds(),
                identity(r.shotChanges(), r.identityTransfers())));
        total = total.plus(r.scores());
        shotChanges += r.shotChanges();
        transfers += r.identityTransfers();
        appearance.addAll(r.appearance());
        frames += r.frames();
        seconds += r.seconds();
      }
      String config =
          identity(shotChanges, transfers)
              + String.format(
                  Locale.ROOT,
                  ",\"seed\":%d,\"iou_threshold\":%.2f,\"people_rejected_by_detector\":%d,"
                      + "\"faces\":\"%s\",\"tracking\":\"%s\"",
                  seed,
                  iou,
                  cast.rejected(),
                  faces.description(),
                  params);
      System.out.println(json("all", frames, total, appearance, seconds, config));
      if (faces instanceof CachingDetector cache) {
        log.info("Detection cache: {} frames reused, {} detected", cache.hits(), cache.misses());
      }
    }
  }

  private List<Scenario> selected(List<Scenario> all) {
    if (sequences == null || sequences.isEmpty()) {
      return all;
    }
    List<Scenario> out = new ArrayList<>();
    for (String name : sequences) {
      out.add(
          all.stream()
              .filter(s -> s.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new UserFacingException(
                          "no sequence '"
                              + name
                              + "'; known: "
                              + all.stream().map(Scenario::name).toList())));
    }
    return out;
  }

  /** Shot changes the tracker ended its tracks at, and frames a track covered the wrong person. */
  private static String identity(long shotChanges, long transfers) {
    return String.format(
        Locale.ROOT, ",\"shot_changes\":%d,\"identity_transfers\":%d", shotChanges, transfers);
  }

  private static Path envPath(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : Path.of(v);
  }

  static String json(
      String sequence,
      long frames,
      TrackingScores s,
      AppearanceStats appearance,
      double seconds,
      String extra) {
    return String.format(
        Locale.ROOT,
        "{\"evaluation\":\"tracking\",\"sequence\":\"%s\",\"frames\":%d,\"gt_tracks\":%d,"
            + "\"gt_boxes\":%d,\"hyp_tracks\":%d,\"hyp_boxes\":%d,\"mota\":%.4f,\"motp\":%.4f,"
            + "\"idf1\":%.4f,\"idp\":%.4f,\"idr\":%.4f,\"id_switches\":%d,"
            + "\"id_switches_per_100_gt_tracks\":%.2f,\"false_positives\":%d,\"misses\":%d,"
            + "\"fragmentations\":%d,\"mostly_tracked\":%d,\"mostly_lost\":%d,%s,"
            + "\"seconds\":%.1f%s}",
        sequence,
        frames,
        s.truthTracks(),
        s.truthBoxes(),
        s.hypothesisTracks(),
        s.hypothesisBoxes(),
        s.mota(),
        s.motp(),
        s.idf1(),
        s.idPrecision(),
        s.idRecall(),
        s.idSwitches(),
        s.idSwitchesPer100Tracks(),
        s.falsePositives(),
        s.misses(),
        s.fragmentations(),
        s.mostlyTracked(),
        s.mostlyLost(),
        appearance.json(),
        seconds,
        extra);
  }
}
