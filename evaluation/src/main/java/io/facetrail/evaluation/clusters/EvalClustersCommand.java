package io.facetrail.evaluation.clusters;

import io.facetrail.evaluation.tracking.detect.CachingDetector;
import io.facetrail.evaluation.tracking.detect.FacePipelineDetector;
import io.facetrail.evaluation.tracking.detect.FrameFaceDetector;
import io.facetrail.evaluation.tracking.scene.LfwPhotos;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code facetrail eval clusters}: the unknown-track clusters and archive search on videos. */
@Command(
    name = "clusters",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the clustering of unknown tracks (pairwise and BCubed precision and recall) and the"
          + " archive search (recall@10 from one new photo) on LFW people composited into"
          + " generated videos from several cameras, detected by the face models, tracked by the"
          + " tracker and folded as the matcher folds a track.",
      "LFW people are split by --seed into a tuning half (the link FPIR sweep) and a report half"
          + " (one configuration). One JSON line per half, configuration and search."
    })
public final class EvalClustersCommand implements Callable<Integer> {
  @Option(
      names = "--lfw-dir",
      paramLabel = "DIR",
      description = "LFW folder holding lfw-deepfunneled/ (default: $FACETRAIL_LFW_DIR)")
  Path lfwDir;

  @Option(names = "--seed", defaultValue = "1", description = "Split, cast and layout seed")
  long seed;

  @Option(
      names = "--split",
      defaultValue = "both",
      description = "tune, report or both (${DEFAULT-VALUE})")
  String split;

  @Option(
      names = "--people",
      defaultValue = "40",
      description = "Recurring people per half (${DEFAULT-VALUE})")
  int people;

  @Option(
      names = "--appearances",
      defaultValue = "3",
      description =
          "Appearances of each recurring person, each in another camera with another photo"
              + " (${DEFAULT-VALUE})")
  int appearances;

  @Option(
      names = "--singles",
      defaultValue = "20",
      description = "One-photo people per half, seen once (${DEFAULT-VALUE})")
  int singles;

  @Option(names = "--cameras", defaultValue = "6", description = "Cameras (${DEFAULT-VALUE})")
  int cameras;

  @Option(
      names = "--sweep",
      split = ",",
      defaultValue = "1e-1,3e-2,1e-2,3e-3,1e-3,1e-4,1e-5",
      description = "Link FPIRs (clusters.linkFpir) tried on the tuning half (${DEFAULT-VALUE})")
  List<Double> sweep;

  @Option(
      names = "--link-fpir",
      description = "Link FPIR of the report half (default: the shipped clusters.linkFpir)")
  Double linkFpir;

  @Option(
      names = "--min-good-frames",
      description =
          "Quality floor of the clustering, good frames (default: the shipped"
              + " clusters.minGoodFrames)")
  Integer minGoodFrames;

  @Option(
      names = "--min-face-height",
      description =
          "Face quality floor of the clustering, mean face height px (default: the shipped"
              + " clusters.minFaceHeightPx)")
  Double minFaceHeight;

  @Option(
      names = "--min-sharpness",
      description =
          "Face quality floor of the clustering, mean sharpness (default: the shipped"
              + " clusters.minSharpness)")
  Double minSharpness;

  @Option(
      names = "--min-brightness",
      description =
          "Face quality floor of the clustering, mean brightness (default: the shipped"
              + " clusters.minBrightness)")
  Double minBrightness;

  @Option(
      names = "--join-share",
      description =
          "Share of a cluster's tracks a newcomer must link to, to join or merge it (default: the"
              + " shipped clusters.joinShare)")
  Double joinShare;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Keep detections here, so a re-run skips the face models")
  Path cacheDir;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "eval-clusters",
      description = "Where the sweep's chart goes (${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu, gpu:N, auto")
  String device;

  @Option(names = "--models-dir", paramLabel = "DIR", description = "Face model cache")
  Path modelsDir;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    List<PeopleSplit> halves = halves();
    if (people < 1 || singles < 0 || appearances < 2 || appearances > cameras) {
      throw new UserFacingException(
          "need --people >= 1, --singles >= 0 and 2 <= --appearances <= --cameras");
    }
    Path lfw = lfwDir != null ? lfwDir : envPath("FACETRAIL_LFW_DIR");
    if (lfw == null || !Files.isDirectory(lfw.resolve("lfw-deepfunneled"))) {
      throw new UserFacingException(
          "the clusters evaluation needs LFW: give --lfw-dir (or FACETRAIL_LFW_DIR) as the folder"
              + " holding lfw-deepfunneled/");
    }
    DecisionSettings decisions = DecisionSettings.defaults();
    String modelId = FacePipeline.MODEL_ID;
    List<HalfTracks> results = new ArrayList<>();
    String faces;
    FrameFaceDetector pipeline = FacePipelineDetector.open(videoSettings());
    try (FrameFaceDetector detector =
        cacheDir == null ? pipeline : new CachingDetector(pipeline, cacheDir)) {
      faces = detector.description();
      ClusterEvaluation evaluation =
          new ClusterEvaluation(
              LfwPhotos.at(lfw),
              detector,
              CameraPlan.defaults(cameras),
              new TrackFolder(decisions, modelId, Instant.parse("2026-01-01T00:00:00Z")),
              seed,
              people,
              appearances,
              singles);
      for (PeopleSplit half : halves) {
        HalfTracks r = evaluation.run(half);
        System.out.println(line(half, "tracks", r.json()));
        results.add(r);
      }
    }
    Optional<Double> chosen = Optional.empty();
    for (HalfTracks r : results) {
      Optional<Double> c = score(r, modelId, chosen);
      if (c.isPresent()) {
        chosen = c;
        System.out.println(
            line(
                r.split(),
                "choice",
                String.format(
                    Locale.ROOT,
                    "\"link_fpir\":%s,\"rule\":\"highest BCubed F with BCubed precision >= %s\"",
                    c.get(),
                    LinkChoice.MIN_PRECISION)));
      }
    }
    System.out.println(
        line(
            null,
            "configuration",
            String.format(
                Locale.ROOT,
                "\"seed\":%d,\"people\":%d,\"appearances\":%d,\"singles\":%d,\"cameras\":%d,"
                    + "\"plan\":\"%s\",\"faces\":\"%s\",\"tracker\":\"%s\","
                    + "\"decisions\":\"%s\",\"wall_seconds\":%.1f",
                seed,
                people,
                appearances,
                singles,
                cameras,
                CameraPlan.defaults(cameras),
                faces,
                VideoTracks.trackerSettings(),
                decisions,
                (System.nanoTime() - start) / 1e9)));
    return 0;
  }

  /**
   * Clusters the half at each of its link FPIRs, then searches its archive. The tuning half sweeps
   * and chooses ({@link LinkChoice}); the report half is scored at the shipped rate and at the one
   * chosen on the tuning half (or only at {@code --link-fpir}).
   *
   * @return the rate chosen, when this is the tuning half and one meets the precision target
   */
  private Optional<Double> score(HalfTracks r, String modelId, Optional<Double> chosen) {
    Map<String, String> truth = new LinkedHashMap<>();
    for (FoldedTrack t : r.tracks()) {
      truth.put(t.trackId(), t.truth());
    }
    ClusterSettings shipped = ClusterSettings.defaults();
    Map<Double, String> rates = new LinkedHashMap<>();
    if (r.split() == PeopleSplit.TUNE) {
      sweep.forEach(rate -> rates.put(rate, "sweep"));
    } else if (linkFpir != null) {
      rates.put(linkFpir, "given");
    } else {
      rates.put(shipped.linkFpir(), "shipped");
      chosen.ifPresent(rate -> rates.putIfAbsent(rate, "chosen_on_tune"));
    }
    ClusterSettings base =
        shipped
            .withFloors(
                minGoodFrames != null ? minGoodFrames : shipped.minGoodFrames(),
                minFaceHeight != null ? minFaceHeight : shipped.minFaceHeightPx(),
                minSharpness != null ? minSharpness : shipped.minSharpness(),
                minBrightness != null ? minBrightness : shipped.minBrightness())
            .withJoinShare(joinShare != null ? joinShare : shipped.joinShare());
    List<SweepChart.Point> points = new ArrayList<>();
    for (Map.Entry<Double, String> rate : rates.entrySet()) {
      long t0 = System.nanoTime();
      UnknownClustering clustering = UnknownClustering.at(base, rate.getKey());
      ClusterScores scores = ClusterScores.of(truth, clustering.assign(r.tracks()));
      points.add(new SweepChart.Point(rate.getKey(), scores));
      System.out.println(
          line(
              r.split(),
              "clusters",
              "\"setting\":\""
                  + rate.getValue()
                  + "\","
                  + clustering.json()
                  + ","
                  + scores.json()
                  + String.format(
                      Locale.ROOT, ",\"seconds\":%.2f", (System.nanoTime() - t0) / 1e9)));
    }
    if (points.size() > 1) {
      Path png = out.resolve("bcubed-" + r.split().label() + ".png");
      SweepChart.write(png, "Unknown-track clusters, " + r.split().label() + " half", points);
    }
    ArchiveSearch.Result search =
        ArchiveSearch.run(r.tracks(), QueryCodes.of(r.queries()), modelId);
    System.out.println(line(r.split(), "search", search.json()));
    return r.split() == PeopleSplit.TUNE ? LinkChoice.best(points) : Optional.empty();
  }

  private static String line(PeopleSplit half, String kind, String body) {
    return "{\"evaluation\":\"clusters\""
        + (half == null ? "" : ",\"split\":\"" + half.label() + "\"")
        + ",\"kind\":\""
        + kind
        + "\","
        + body
        + "}";
  }

  private List<PeopleSplit> halves() {
    return switch (split) {
      case "tune" -> List.of(PeopleSplit.TUNE);
      case "report" -> List.of(PeopleSplit.REPORT);
      case "both" -> List.of(PeopleSplit.TUNE, PeopleSplit.REPORT);
      default -> throw new UserFacingException("--split is tune, report or both, not " + split);
    };
  }

  /** As {@code eval tracking} runs the face models on its generated frames. */
  private FacePipelineSettings videoSettings() {
    return FacePipelineSettings.defaults().toBuilder()
        .modelsDir(modelsDir)
        .device(device)
        .minScore(0.3)
        .minFaceSize(45)
        .canvasPadding(0)
        .build();
  }

  private static Path envPath(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : Path.of(v);
  }
}
