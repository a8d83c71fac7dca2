package io.facetrail.evaluation.clusters;

import io.facetrail.evaluation.tracking.detect.DetectedFace;
import io.facetrail.evaluation.tracking.detect.FrameFaceDetector;
import io.facetrail.evaluation.tracking.metrics.LabelledBox;
import io.facetrail.evaluation.tracking.scene.SceneRenderer;
import io.facetrail.tracker.track.Detection;
import io.facetrail.tracker.track.FaceTracker;
import io.facetrail.tracker.track.FrameResult;
import io.facetrail.tracker.track.Merge;
import io.facetrail.tracker.track.Track;
import io.facetrail.tracker.track.TrackingParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a camera's frames through the face detector and the real tracker (default parameters) and
 * returns its confirmed tracks, as the tracker service would publish them: every face of every
 * confirmed track, including the faces held back before confirmation. Each face is labelled with
 * the person whose ground-truth box it overlaps at IoU 0.5 or more, and a track with the label most
 * of its faces have.
 */
public final class VideoTracks {
  private static final Logger log = LoggerFactory.getLogger(VideoTracks.class);

  /** Overlap at which a detection is the ground-truth face, as in {@code eval tracking}. */
  static final double MATCH_IOU = 0.5;

  private final FrameFaceDetector detector;
  private final TrackingParameters params = TrackingParameters.defaults();

  public VideoTracks(FrameFaceDetector detector) {
    this.detector = detector;
  }

  /** The tracker's settings, for the report. */
  public static String trackerSettings() {
    return TrackingParameters.defaults().toString();
  }

  /** The confirmed tracks of one camera, in the order they were started. */
  public List<VideoTrack> run(CameraVideo video) {
    SceneRenderer renderer = new SceneRenderer(video.scenario(), video.photos());
    FaceTracker tracker = new FaceTracker(params);
    Map<Long, List<VideoTrack.Sighting>> sightings = new LinkedHashMap<>();
    Map<Long, List<String>> labels = new HashMap<>();
    Set<Long> confirmed = new LinkedHashSet<>();
    for (int f = 0; f < renderer.frames(); f++) {
      if (f % 50 == 0) {
        log.info("{}: frame {} of {}", video.streamId(), f, renderer.frames());
      }
      SceneRenderer.Frame frame = renderer.frame(f);
      long timeUs = Math.round(frame.time() * 1e6);
      List<DetectedFace> faces = detector.detect(frame.image());
      List<Detection> detections = new ArrayList<>(faces.size());
      for (DetectedFace d : faces) {
        detections.add(d.detection(params));
      }
      FrameResult result = tracker.step(timeUs, detections);
      for (Merge m : result.merged()) {
        // The tracker found a lost track again under a new number: one track from here on.
        List<VideoTrack.Sighting> earlier = sightings.remove(m.from().number());
        if (earlier != null) {
          sightings.computeIfAbsent(m.into().number(), k -> new ArrayList<>()).addAll(0, earlier);
          labels
              .computeIfAbsent(m.into().number(), k -> new ArrayList<>())
              .addAll(labels.remove(m.from().number()));
        }
        if (confirmed.remove(m.from().number())) {
          confirmed.add(m.into().number());
        }
      }
      for (int i = 0; i < faces.size(); i++) {
        Track t = result.trackOfDetection()[i];
        if (t == null) {
          continue;
        }
        if (t.isConfirmed()) {
          confirmed.add(t.number());
        }
        sightings
            .computeIfAbsent(t.number(), k -> new ArrayList<>())
            .add(new VideoTrack.Sighting(f, timeUs, faces.get(i)));
        labels
            .computeIfAbsent(t.number(), k -> new ArrayList<>())
            .add(labelOf(faces.get(i), frame.truth().objects(), video));
      }
    }
    List<VideoTrack> out = new ArrayList<>();
    for (long number : confirmed) {
      List<VideoTrack.Sighting> s = new ArrayList<>(sightings.get(number));
      s.sort((a, b) -> Integer.compare(a.frame(), b.frame()));
      String id = video.streamId() + "/t" + number;
      out.add(new VideoTrack(id, video.streamId(), majority(labels.get(number), id), s));
    }
    return out;
  }

  /** The person a detection shows, or null when it overlaps no visible face enough. */
  private static String labelOf(DetectedFace face, List<LabelledBox> truth, CameraVideo video) {
    LabelledBox best = null;
    double bestIou = MATCH_IOU;
    for (LabelledBox object : truth) {
      double iou = object.box().iou(face.box());
      if (iou >= bestIou) {
        best = object;
        bestIou = iou;
      }
    }
    return best == null ? null : video.labelOf((int) best.id());
  }

  /** The label most faces have (ties: the first seen); {@code none:<id>} when none has one. */
  static String majority(List<String> labels, String trackId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String l : labels) {
      if (l != null) {
        counts.merge(l, 1, Integer::sum);
      }
    }
    String best = null;
    int most = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best == null ? "none:" + trackId : best;
  }
}
