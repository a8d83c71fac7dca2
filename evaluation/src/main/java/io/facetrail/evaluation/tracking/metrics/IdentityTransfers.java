package io.facetrail.evaluation.tracking.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * Identity transfers: frames in which a track that would have been identified as person A covers
 * person B. A track is taken as identified as the person it covered in most of its first {@code
 * identifyAfter} matched frames (the matcher decides after a few good frames); every later frame in
 * which it covers somebody else is a transfer, the frame a name would be drawn on the wrong face.
 * Unlike an ID switch, a transfer is counted on people, not ground-truth tracks: a person seen
 * again after a cut is the same person.
 */
public final class IdentityTransfers {
  private final double iouThreshold;
  private final int identifyAfter;

  /**
   * @param identifyAfter matched frames after which a track counts as identified
   */
  public IdentityTransfers(double iouThreshold, int identifyAfter) {
    this.iouThreshold = iouThreshold;
    this.identifyAfter = identifyAfter;
  }

  /**
   * Counts transfers.
   *
   * @param personOf the person of a ground-truth object id
   */
  public long count(
      List<FrameTruth> truth, List<List<LabelledBox>> hypotheses, LongUnaryOperator personOf) {
    Map<Long, List<Long>> coveredByTrack = new TreeMap<>();
    for (int f = 0; f < truth.size(); f++) {
      for (Map.Entry<LabelledBox, LabelledBox> pair :
          oneToOne(truth.get(f).objects(), hypotheses.get(f)).entrySet()) {
        coveredByTrack
            .computeIfAbsent(pair.getKey().id(), k -> new ArrayList<>())
            .add(personOf.applyAsLong(pair.getValue().id()));
      }
    }
    long transfers = 0;
    for (List<Long> persons : coveredByTrack.values()) {
      if (persons.size() < identifyAfter) {
        continue; // never covered anyone long enough to be named
      }
      long identity = majority(persons.subList(0, identifyAfter));
      for (long p : persons.subList(identifyAfter, persons.size())) {
        if (p != identity) {
          transfers++;
        }
      }
    }
    return transfers;
  }

  /**
   * Pairs tracks with objects one to one, largest overlap first (at least the IoU threshold): where
   * two faces overlap, a partly hidden face's box may overlap its neighbour's more than its own,
   * and only a one-to-one pairing keeps each track on its own face.
   */
  private Map<LabelledBox, LabelledBox> oneToOne(
      List<LabelledBox> objects, List<LabelledBox> tracks) {
    List<double[]> pairs = new ArrayList<>();
    for (int h = 0; h < tracks.size(); h++) {
      for (int o = 0; o < objects.size(); o++) {
        double iou = objects.get(o).box().iou(tracks.get(h).box());
        if (iou >= iouThreshold) {
          pairs.add(new double[] {iou, h, o});
        }
      }
    }
    pairs.sort((a, b) -> Double.compare(b[0], a[0]));
    Map<LabelledBox, LabelledBox> out = new java.util.IdentityHashMap<>();
    boolean[] trackUsed = new boolean[tracks.size()];
    boolean[] objectUsed = new boolean[objects.size()];
    for (double[] p : pairs) {
      int h = (int) p[1];
      int o = (int) p[2];
      if (!trackUsed[h] && !objectUsed[o]) {
        trackUsed[h] = true;
        objectUsed[o] = true;
        out.put(tracks.get(h), objects.get(o));
      }
    }
    return out;
  }

  private static long majority(List<Long> persons) {
    Map<Long, Integer> votes = new HashMap<>();
    long best = persons.get(0);
    for (long p : persons) {
      int v = votes.merge(p, 1, Integer::sum);
      if (v > votes.get(best)) {
        best = p;
      }
    }
    return best;
  }
}
