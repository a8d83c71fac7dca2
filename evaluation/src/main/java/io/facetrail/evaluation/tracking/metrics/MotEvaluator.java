package io.facetrail.evaluation.tracking.metrics;

import io.facetrail.tracker.assign.HungarianAssignment;
import io.facetrail.tracker.box.BoundingBox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one sequence. A hypothesis box matches a ground-truth box when their IoU reaches the
 * threshold (0.5 is the MOTChallenge convention).
 *
 * <p>CLEAR-MOT, per frame: correspondences of the previous frame are kept while they still match;
 * the remaining boxes are paired by an optimal assignment on 1 - IoU. An ID switch is counted when
 * an object is matched to a track other than the one it was last matched to (however long ago); a
 * fragmentation when an object's matching resumes after frames in which it was present but
 * unmatched. Before matching, hypotheses that overlap a don't-care box (optimal assignment, same
 * threshold) are removed.
 *
 * <p>IDF1: every object trajectory is paired with at most one track trajectory so that the number
 * of frames in which paired boxes match (IDTP) is maximal; IDF1 = 2 IDTP / (GT + hypotheses).
 */
public final class MotEvaluator {
  private final double iouThreshold;

  public MotEvaluator(double iouThreshold) {
    if (!(iouThreshold > 0 && iouThreshold <= 1)) {
      throw new IllegalArgumentException("IoU threshold must be in (0, 1]: " + iouThreshold);
    }
    this.iouThreshold = iouThreshold;
  }

  /**
   * @param truth ground truth per frame
   * @param hypotheses the tracker's boxes per frame (same frames, same order)
   */
  public TrackingScores evaluate(List<FrameTruth> truth, List<List<LabelledBox>> hypotheses) {
    if (truth.size() != hypotheses.size()) {
      throw new IllegalArgumentException(
          truth.size() + " frames of truth but " + hypotheses.size() + " of hypotheses");
    }
    long gtBoxes = 0;
    long hypBoxes = 0;
    long matches = 0;
    long misses = 0;
    long fps = 0;
    long switches = 0;
    long frags = 0;
    double iouSum = 0;
    Map<Long, Long> lastMatch = new HashMap<>();
    Map<Long, Boolean> matchedInLastPresence = new HashMap<>();
    Map<Long, Integer> presentFrames = new LinkedHashMap<>();
    Map<Long, Integer> matchedFrames = new HashMap<>();
    // Pair counts for IDF1: object id -> track id -> frames where they match.
    Map<Long, Map<Long, Integer>> pairFrames = new HashMap<>();
    Set<Long> hypTracks = new HashSet<>();
    Map<Long, Long> previous = Map.of();
    for (int f = 0; f < truth.size(); f++) {
      List<LabelledBox> objects = truth.get(f).objects();
      List<LabelledBox> hyps = withoutDontCares(hypotheses.get(f), truth.get(f).ignored());
      gtBoxes += objects.size();
      hypBoxes += hyps.size();
      for (LabelledBox h : hyps) {
        hypTracks.add(h.id());
      }
      for (LabelledBox o : objects) {
        presentFrames.merge(o.id(), 1, Integer::sum);
        for (LabelledBox h : hyps) {
          if (o.box().iou(h.box()) >= iouThreshold) {
            pairFrames.computeIfAbsent(o.id(), k -> new HashMap<>()).merge(h.id(), 1, Integer::sum);
          }
        }
      }
      Map<Long, LabelledBox> pairs = match(objects, hyps, previous);
      Map<Long, Long> current = new HashMap<>();
      for (LabelledBox o : objects) {
        LabelledBox h = pairs.get(o.id());
        boolean wasMatched = matchedInLastPresence.getOrDefault(o.id(), false);
        if (h == null) {
          misses++;
          matchedInLastPresence.put(o.id(), false);
          continue;
        }
        matches++;
        iouSum += o.box().iou(h.box());
        matchedFrames.merge(o.id(), 1, Integer::sum);
        Long last = lastMatch.get(o.id());
        if (last != null && last != h.id()) {
          switches++;
        }
        if (last != null && !wasMatched) {
          frags++;
        }
        lastMatch.put(o.id(), h.id());
        matchedInLastPresence.put(o.id(), true);
        current.put(o.id(), h.id());
      }
      fps += hyps.size() - pairs.size();
      previous = current;
    }
    long mostlyTracked = 0;
    long mostlyLost = 0;
    for (Map.Entry<Long, Integer> e : presentFrames.entrySet()) {
      double ratio = matchedFrames.getOrDefault(e.getKey(), 0) / (double) e.getValue();
      if (ratio >= 0.8) {
        mostlyTracked++;
      } else if (ratio < 0.2) {
        mostlyLost++;
      }
    }
    return new TrackingScores(
        gtBoxes,
        hypBoxes,
        matches,
        misses,
        fps,
        switches,
        frags,
        iouSum,
        identityTruePositives(pairFrames),
        presentFrames.size(),
        hypTracks.size(),
        mostlyTracked,
        mostlyLost);
  }

  private Map<Long, LabelledBox> match(
      List<LabelledBox> objects, List<LabelledBox> hyps, Map<Long, Long> previous) {
    Map<Long, LabelledBox> pairs = new HashMap<>();
    Set<Long> usedHyps = new HashSet<>();
    for (LabelledBox o : objects) {
      Long track = previous.get(o.id());
      if (track == null) {
        continue;
      }
      for (LabelledBox h : hyps) {
        if (h.id() == track && !usedHyps.contains(h.id()) && o.box().iou(h.box()) >= iouThreshold) {
          pairs.put(o.id(), h);
          usedHyps.add(h.id());
          break;
        }
      }
    }
    List<LabelledBox> freeObjects = new ArrayList<>();
    for (LabelledBox o : objects) {
      if (!pairs.containsKey(o.id())) {
        freeObjects.add(o);
      }
    }
    List<LabelledBox> freeHyps = new ArrayList<>();
    for (LabelledBox h : hyps) {
      if (!usedHyps.contains(h.id())) {
        freeHyps.add(h);
      }
    }
    int[] a = HungarianAssignment.solve(iouCosts(freeObjects, boxes(freeHyps)));
    for (int i = 0; i < a.length; i++) {
      if (a[i] != HungarianAssignment.UNASSIGNED) {
        pairs.put(freeObjects.get(i).id(), freeHyps.get(a[i]));
      }
    }
    return pairs;
  }

  private List<LabelledBox> withoutDontCares(List<LabelledBox> hyps, List<BoundingBox> ignored) {
    if (ignored.isEmpty() || hyps.isEmpty()) {
      return hyps;
    }
    List<LabelledBox> asObjects = new ArrayList<>();
    for (int i = 0; i < ignored.size(); i++) {
      asObjects.add(new LabelledBox(i, ignored.get(i)));
    }
    int[] a = HungarianAssignment.solve(iouCosts(asObjects, boxes(hyps)));
    Set<Integer> drop = new HashSet<>();
    for (int c : a) {
      if (c != HungarianAssignment.UNASSIGNED) {
        drop.add(c);
      }
    }
    List<LabelledBox> kept = new ArrayList<>();
    for (int i = 0; i < hyps.size(); i++) {
      if (!drop.contains(i)) {
        kept.add(hyps.get(i));
      }
    }
    return kept;
  }

  private double[][] iouCosts(List<LabelledBox> rows, List<BoundingBox> cols) {
    double[][] cost = new double[rows.size()][cols.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < cols.size(); j++) {
        double iou = rows.get(i).box().iou(cols.get(j));
        cost[i][j] = iou >= iouThreshold ? 1 - iou : HungarianAssignment.FORBIDDEN;
      }
    }
    return cost;
  }

  private static List<BoundingBox> boxes(List<LabelledBox> boxes) {
    List<BoundingBox> out = new ArrayList<>(boxes.size());
    for (LabelledBox b : boxes) {
      out.add(b.box());
    }
    return out;
  }

  /** Maximum total of matching frames over one-to-one object/track pairings. */
  private static long identityTruePositives(Map<Long, Map<Long, Integer>> pairFrames) {
    List<Long> objects = new ArrayList<>(pairFrames.keySet());
    List<Long> tracks = new ArrayList<>();
    Map<Long, Integer> trackIndex = new HashMap<>();
    int max = 0;
    for (Map<Long, Integer> row : pairFrames.values()) {
      for (Map.Entry<Long, Integer> e : row.entrySet()) {
        trackIndex.computeIfAbsent(
            e.getKey(),
            k -> {
              tracks.add(k);
              return tracks.size() - 1;
            });
        max = Math.max(max, e.getValue());
      }
    }
    if (objects.isEmpty()) {
      return 0;
    }
    // Every pair allowed (cost max - frames): a full assignment then maximises the frame total.
    double[][] cost = new double[objects.size()][tracks.size()];
    for (int i = 0; i < objects.size(); i++) {
      for (int j = 0; j < tracks.size(); j++) {
        cost[i][j] = max - pairFrames.get(objects.get(i)).getOrDefault(tracks.get(j), 0);
      }
    }
    int[] a = HungarianAssignment.solve(cost);
    long total = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] != HungarianAssignment.UNASSIGNED) {
        total += pairFrames.get(objects.get(i)).getOrDefault(tracks.get(a[i]), 0);
      }
    }
    return total;
  }
}
