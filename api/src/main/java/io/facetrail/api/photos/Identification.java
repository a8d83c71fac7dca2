package io.facetrail.api.photos;

import io.facetrail.api.server.ProblemException;
import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.NoCalibrationException;
import io.facetrail.matcher.decision.Threshold;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.decision.Verdict;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.Match;
import io.facetrail.matcher.index.SearchMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides who a photo's face is, by the matcher's own rules: the nearest persons in the gallery
 * index, the threshold for the gallery's size at the configured FPIR (as for a track), and the
 * margin to the second person. A photo counts as one good frame that is enough to decide.
 */
public final class Identification {
  private final GalleryIndex index;
  private final Thresholds thresholds;
  private final DecisionPolicy policy;

  public Identification(GalleryIndex index, Thresholds thresholds, DecisionPolicy policy) {
    this.index = index;
    this.thresholds = thresholds;
    this.policy = policy;
  }

  /** The decision and the top {@code k} persons, as the response body. */
  public Map<String, Object> identify(DetectedFace face, int k) {
    int persons = index.personCount();
    List<Match> top = index.search(face.code(), face.modelId(), Math.max(k, 2), SearchMode.EXACT);
    Threshold threshold;
    try {
      String stored = top.isEmpty() ? face.modelId() : top.get(0).modelId();
      threshold = thresholds.at(face.modelId(), stored, Math.max(persons, 1));
    } catch (NoCalibrationException e) {
      throw ProblemException.of(
          503, "no-calibration", "The model has no calibration", e.getMessage());
    }
    Verdict v =
        policy.judge(
            policy.settings().minGoodFrames(),
            top.subList(0, Math.min(2, top.size())),
            threshold.distance());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "decision",
        v.kind() == Verdict.Kind.MATCH
            ? "identified"
            : v.kind() == Verdict.Kind.AMBIGUOUS ? "ambiguous" : "unknown");
    body.put("person", v.kind() == Verdict.Kind.MATCH ? person(v.best()) : null);
    body.put("distance", v.best() == null ? null : round(v.best().distance()));
    body.put("threshold", round(threshold.distance()));
    body.put("falseAcceptRate", threshold.falseAcceptRate());
    body.put("fpir", Double.isNaN(threshold.fpir()) ? null : threshold.fpir());
    body.put("gallerySize", persons);
    body.put("modelId", face.modelId());
    body.put("faceQuality", round(face.quality()));
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (Match m : top.subList(0, Math.min(k, top.size()))) {
      Map<String, Object> c = person(m);
      c.put("distance", round(m.distance()));
      c.put("withinThreshold", m.distance() <= threshold.distance());
      candidates.add(c);
    }
    body.put("candidates", candidates);
    return body;
  }

  /** Whether two faces are the same person at the threshold for one comparison (verification). */
  public Map<String, Object> verify(DetectedFace a, DetectedFace b) {
    if (!a.modelId().equals(b.modelId())) {
      throw ProblemException.badRequest("the photos were embedded by different models");
    }
    Threshold t;
    try {
      // Verification compares two photos, one comparison: the per-comparison FAR the configured
      // rate gives for a gallery of one.
      t = thresholds.at(a.modelId(), b.modelId(), 1);
    } catch (NoCalibrationException e) {
      throw ProblemException.of(
          503, "no-calibration", "The model has no calibration", e.getMessage());
    }
    double d = FaceCode.distance(a.code(), b.code());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("samePerson", d <= t.distance());
    body.put("distance", round(d));
    body.put("threshold", round(t.distance()));
    body.put("falseAcceptRate", t.falseAcceptRate());
    body.put("modelId", a.modelId());
    return body;
  }

  private static Map<String, Object> person(Match m) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", m.personId());
    p.put("name", m.name());
    return p;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
