package io.facetrail.evaluation.tracking;

import io.facetrail.evaluation.tracking.detect.DetectedFace;
import io.facetrail.evaluation.tracking.detect.FrameFaceDetector;
import io.facetrail.evaluation.tracking.metrics.FrameTruth;
import io.facetrail.evaluation.tracking.metrics.IdentityTransfers;
import io.facetrail.evaluation.tracking.metrics.LabelledBox;
import io.facetrail.evaluation.tracking.metrics.MotEvaluator;
import io.facetrail.evaluation.tracking.metrics.TrackingScores;
import io.facetrail.evaluation.tracking.scene.Actor;
import io.facetrail.evaluation.tracking.scene.FacePhoto;
import io.facetrail.evaluation.tracking.scene.LfwPhotos;
import io.facetrail.evaluation.tracking.scene.Scenario;
import io.facetrail.evaluation.tracking.scene.SceneRenderer;
import io.facetrail.shots.ImageSignatures;
import io.facetrail.shots.ShotBoundary;
import io.facetrail.shots.ShotBoundaryDetector;
import io.facetrail.shots.ShotSettings;
import io.facetrail.tracker.box.BoundingBox;
import io.facetrail.tracker.track.Detection;
import io.facetrail.tracker.track.EndCause;
import io.facetrail.tracker.track.FaceTracker;
import io.facetrail.tracker.track.FrameResult;
import io.facetrail.tracker.track.Merge;
import io.facetrail.tracker.track.Track;
import io.facetrail.tracker.track.TrackingParameters;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scenarios through a face detector and the tracker and scores the result. The tracker's
 * output is what the service would publish: every detection of every track that was confirmed
 * (including the detections held back before confirmation), none of tracks never confirmed.
 */
public final class TrackingEvaluation {
  private static final Logger log = LoggerFactory.getLogger(TrackingEvaluation.class);

  /** Height at which a face patch is shown alone to learn the detector's box convention. */
  private static final int CALIBRATION_HEIGHT = 180;

  /**
   * Score the one face of a photo must reach for the photo to be cast: a clearly confident face.
   * The tracker's {@code newTrackScore} was this value until it was lowered for weak faces
   * (2026-12-07); the casting keeps it, so the sequences of a seed stay the same.
   */
  private static final float CAST_SCORE = 0.6f;

  private final FrameFaceDetector detector;
  private final TrackingParameters params;
  private final MotEvaluator evaluator;
  private final IdentityTransfers identityTransfers;
  private final boolean endTracksAtShots;

  /**
   * @param endTracksAtShots whether tracks end where the shot changes, as the tracker service does
   *     on frames that carry shots (false shows what happens without)
   */
  public TrackingEvaluation(
      FrameFaceDetector detector,
      TrackingParameters params,
      double iouThreshold,
      boolean endTracksAtShots) {
    this.detector = detector;
    this.endTracksAtShots = endTracksAtShots;
    this.params = params;
    this.evaluator = new MotEvaluator(iouThreshold);
    this.identityTransfers = new IdentityTransfers(iouThreshold, params.minHits());
  }

  /** The scores and statistics of one scenario. */
  public record SequenceResult(
      String name,
      int frames,
      int people,
      long detections,
      TrackingScores scores,
      AppearanceStats appearance,
      long shotChanges,
      long identityTransfers,
      double seconds) {}

  /** Photos ready for the scenarios, and how many people were skipped on the way. */
  public record Cast(List<FacePhoto> photos, int rejected) {}

  /**
   * Takes people from LFW in a seeded order until {@code needed} have a photo on which the detector
   * finds exactly one confident face (a photo where it does not cannot define ground truth).
   */
  public Cast cast(LfwPhotos lfw, int needed, long seed) {
    List<FacePhoto> photos = new ArrayList<>();
    int rejected = 0;
    for (int person : lfw.shuffled(seed)) {
      if (photos.size() == needed) {
        break;
      }
      BufferedImage patch = lfw.patch(person);
      double[] reference = referenceBox(detector, patch);
      if (reference == null) {
        rejected++;
      } else {
        photos.add(new FacePhoto(person, patch, reference));
      }
    }
    if (photos.size() < needed) {
      throw new IllegalStateException(
          "only " + photos.size() + " of " + needed + " LFW people gave a usable photo");
    }
    return new Cast(photos, rejected);
  }

  /**
   * Where {@code detector} puts the face box in a patch shown alone on grey (fractions of the
   * patch: x, y, width, height), or null when it finds not exactly one confident face there (such a
   * photo cannot define ground truth).
   */
  public static double[] referenceBox(FrameFaceDetector detector, BufferedImage patch) {
    int ph = CALIBRATION_HEIGHT;
    int pw = (int) Math.round(ph * FacePhoto.ASPECT);
    BufferedImage canvas = new BufferedImage(3 * pw, 2 * ph, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    g.setColor(new Color(128, 128, 128));
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    int left = pw;
    int top = ph / 2;
    g.drawImage(patch, left, top, pw, ph, null);
    g.dispose();
    List<DetectedFace> faces = detector.detect(canvas);
    if (faces.size() != 1 || faces.get(0).score() < CAST_SCORE) {
      return null;
    }
    BoundingBox b = faces.get(0).box();
    return new double[] {(b.x() - left) / pw, (b.y() - top) / ph, b.width() / pw, b.height() / ph};
  }

  /** Runs one scenario with the given photos. */
  public SequenceResult run(Scenario scenario, List<FacePhoto> photos) {
    long start = System.nanoTime();
    SceneRenderer renderer = new SceneRenderer(scenario, photos);
    FaceTracker tracker = new FaceTracker(params);
    List<FrameTruth> truth = new ArrayList<>();
    Map<Long, List<Sighting>> sightings = new HashMap<>();
    Set<Long> confirmed = new HashSet<>();
    AppearanceStats appearance = new AppearanceStats();
    Map<Long, float[]> lastSeen = new HashMap<>();
    long detectionCount = 0;
    Set<Integer> shotStarts = shotStarts(renderer);
    for (int f = 0; f < renderer.frames(); f++) {
      if (f % 20 == 0) {
        log.info("{}: frame {} of {}", scenario.name(), f, renderer.frames());
      }
      SceneRenderer.Frame frame = renderer.frame(f);
      truth.add(frame.truth());
      List<DetectedFace> faces = detector.detect(frame.image());
      detectionCount += faces.size();
      List<Detection> detections = new ArrayList<>(faces.size());
      for (DetectedFace d : faces) {
        detections.add(d.detection(params));
      }
      collectAppearance(frame.truth(), detections, lastSeen, appearance);
      if (endTracksAtShots && shotStarts.contains(f)) {
        // As the tracker service does on a new shot number: every open track ends here.
        tracker.endAll(EndCause.SHOT_CHANGE);
      }
      FrameResult result = tracker.step(Math.round(frame.time() * 1e6), detections);
      for (Merge m : result.merged()) {
        List<Sighting> earlier = sightings.remove(m.from().number());
        if (earlier != null) {
          sightings.computeIfAbsent(m.into().number(), k -> new ArrayList<>()).addAll(earlier);
        }
      }
      for (int i = 0; i < detections.size(); i++) {
        Track t = result.trackOfDetection()[i];
        if (t == null) {
          continue;
        }
        if (t.isConfirmed()) {
          confirmed.add(t.number());
        }
        sightings
            .computeIfAbsent(t.number(), k -> new ArrayList<>())
            .add(new Sighting(f, detections.get(i).box()));
      }
    }
    List<List<LabelledBox>> hypotheses = new ArrayList<>();
    for (int f = 0; f < renderer.frames(); f++) {
      hypotheses.add(new ArrayList<>());
    }
    for (long track : confirmed) {
      for (Sighting s : sightings.get(track)) {
        hypotheses.get(s.frame()).add(new LabelledBox(track, s.box()));
      }
    }
    TrackingScores scores = evaluator.evaluate(truth, hypotheses);
    Map<Long, Long> personOf = new HashMap<>();
    for (Actor a : scenario.actors()) {
      personOf.put((long) a.id(), (long) a.photo());
    }
    long transfers = identityTransfers.count(truth, hypotheses, id -> personOf.get(id));
    return new SequenceResult(
        scenario.name(),
        renderer.frames(),
        scenario.actors().size(),
        detectionCount,
        scores,
        appearance,
        shotStarts.size(),
        transfers,
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * The frames that begin a new shot, found by the same detector ingest runs, on the frames as
   * rendered (the evaluation's frames are all the "decoded" frames there are).
   */
  private static Set<Integer> shotStarts(SceneRenderer renderer) {
    ShotBoundaryDetector shots = new ShotBoundaryDetector(ShotSettings.defaults());
    List<ShotBoundary> found = new ArrayList<>();
    for (int f = 0; f < renderer.frames(); f++) {
      SceneRenderer.Frame frame = renderer.frame(f);
      found.addAll(shots.push(ImageSignatures.of(frame.image(), Math.round(frame.time() * 1e6))));
    }
    found.addAll(shots.finish());
    Set<Integer> starts = new HashSet<>();
    for (ShotBoundary b : found) {
      starts.add((int) b.frameIndex());
    }
    return starts;
  }

  private record Sighting(int frame, BoundingBox box) {}

  /** Pairs each visible person with the detection on it, and records code distances. */
  private static void collectAppearance(
      FrameTruth truth,
      List<Detection> detections,
      Map<Long, float[]> lastSeen,
      AppearanceStats stats) {
    Map<Long, float[]> now = new HashMap<>();
    for (LabelledBox object : truth.objects()) {
      Detection best = null;
      double bestIou = 0.5;
      for (Detection d : detections) {
        double iou = object.box().iou(d.box());
        if (iou >= bestIou) {
          best = d;
          bestIou = iou;
        }
      }
      if (best != null && best.appearance() != null) {
        now.put(object.id(), best.appearance());
        float[] before = lastSeen.get(object.id());
        if (before != null) {
          stats.same(before, best.appearance());
        }
      }
    }
    List<float[]> codes = new ArrayList<>(now.values());
    for (int i = 0; i < codes.size(); i++) {
      for (int j = i + 1; j < codes.size(); j++) {
        stats.different(codes.get(i), codes.get(j));
      }
    }
    lastSeen.putAll(now);
  }
}
