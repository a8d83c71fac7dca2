package io.facetrail.evaluation.identification;

import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.Thresholds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open-set report: for every gallery size and search kind, one JSON-ready line with the counts,
 * rank-1 accuracy, the DET points and the matcher's operating points.
 */
final class OpenSetReport {
  private final OpenSetProtocol protocol;
  private final String modelId;
  private final DecisionPolicy policy;
  private final Thresholds.Tables tables;

  OpenSetReport(
      OpenSetProtocol protocol, String modelId, DecisionPolicy policy, Thresholds.Tables tables) {
    this.protocol = protocol;
    this.modelId = modelId;
    this.policy = policy;
    this.tables = tables;
  }

  /**
   * @param curves receives the DET curve of every line, by label
   */
  List<Map<String, Object>> measure(IdentificationRun.Options o, Map<String, double[][]> curves) {
    List<String> eligible = protocol.eligible();
    Map<Integer, List<Probe>> strangers = new HashMap<>();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int size : o.sizes()) {
      int n = size == 0 ? eligible.size() : Math.min(size, eligible.size());
      List<String> persons = eligible.subList(0, n);
      Map<String, byte[]> gallery = new LinkedHashMap<>();
      persons.forEach(p -> gallery.put(p, protocol.enrolment(p)));
      OpenSetEval eval = new OpenSetEval(gallery, modelId, policy);
      for (int k : o.tracks()) {
        List<Probe> mated = protocol.mated(persons, k);
        List<Probe> stranger = strangers.computeIfAbsent(k, protocol::strangers);
        OpenSetScores s = eval.scores(mated, stranger);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("eval", "lfw-open-set");
        line.put("modelId", modelId);
        line.put("gallerySize", eval.persons());
        line.put("search", k == 0 ? "photo" : "track");
        line.put("k", k == 0 ? 1 : k);
        line.put("marginRatio", policy.settings().marginRatio());
        line.put("mated", OpenSetProtocol.counts(mated));
        line.put("strangers", OpenSetProtocol.counts(stranger));
        line.put("identifiedAtAnyThreshold", OpenSetEval.round(1 - s.fnirAt(Double.MAX_VALUE)));
        line.put("det", eval.det(s, o.fpirs(), tables));
        line.put("operatingPoints", eval.operatingPoints(s, o.fpirs(), tables, k == 0 ? 1 : k));
        lines.add(line);
        curves.put(
            "N=" + eval.persons() + (k == 0 ? " photos" : " tracks k=" + k), DetChart.curve(s));
      }
    }
    return lines;
  }
}
