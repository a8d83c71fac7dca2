package io.facetrail.evaluation.identification;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.matcher.aggregate.TrackState;
import io.facetrail.matcher.decision.DecisionSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Tracks made of a person's photos, shared by the open-set protocol and the track calibration:
 * which photos form a track (seeded), and the track's aggregate exactly as the matcher folds it.
 */
final class TrackFolds {
  private TrackFolds() {}

  /**
   * Distinct sets of k photo indices out of {@code photos}: {@code draws} seeded partitions into
   * groups of k, at most {@code max} sets.
   */
  static Set<List<Integer>> draws(String person, int photos, int k, long seed, int draws, int max) {
    Set<List<Integer>> out = new LinkedHashSet<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < photos; i++) {
      order.add(i);
    }
    for (int d = 0; d < draws; d++) {
      Collections.shuffle(order, new Random(seed * 31 + person.hashCode() * 17L + d));
      for (int from = 0; from + k <= photos && out.size() < max; from += k) {
        List<Integer> track = new ArrayList<>(order.subList(from, from + k));
        Collections.sort(track);
        out.add(List.copyOf(track));
      }
    }
    return out;
  }

  /**
   * The track's search: its aggregate code as the matcher folds observations ({@link TrackState}:
   * quality-weighted mean of the float embeddings at or above {@code minQuality}; null if no face
   * is good), and how many faces went in.
   */
  static Probe fold(String person, List<CachedFace> track, DecisionSettings aggregation) {
    TrackState state = new TrackState("eval", "lfw");
    for (CachedFace f : track) {
      TrackObservation.Builder o =
          TrackObservation.newBuilder()
              .setModelId("eval")
              .setQuality(f.quality())
              .setCode(ByteString.copyFrom(f.code()));
      for (float v : f.embedding()) {
        o.addEmbedding(v);
      }
      state.observe(o.build(), aggregation.minQuality(), aggregation.maxObservations());
    }
    return state.goodFrames() == 0
        ? new Probe(person, null, 0)
        : new Probe(person, state.aggregateCode(), state.goodFrames());
  }
}
