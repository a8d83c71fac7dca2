package io.facetrail.tracker.track;

import io.facetrail.tracker.assign.HungarianAssignment;
import io.facetrail.tracker.box.BoundingBox;
import io.facetrail.tracker.kalman.BoxKalmanFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Tracks the faces of one stream, frame by frame. Not thread-safe: one instance per stream, fed in
 * frame order.
 *
 * <p>Each frame runs four matching stages, each an optimal assignment over gated costs:
 *
 * <ol>
 *   <li>confident detections against every track (tentative, confirmed, lost): motion cost (1 - IoU
 *       with the Kalman prediction) blended with face-code distance; a pair is admitted when it
 *       overlaps the prediction or lies inside its Mahalanobis gate, and when the faces are alike;
 *   <li>weak detections against the tracks still unmatched and not lost, by overlap alone
 *       (ByteTrack: a partly hidden or blurred face keeps its track instead of breaking it);
 *   <li>weak detections still unmatched against lost tracks, by the first stage's rule (near the
 *       prediction and the face codes alike at {@code appearanceGate}): a face the detector only
 *       sees weakly after a gap would otherwise neither continue its lost track (the second stage
 *       skips lost tracks) nor start one (it lies on that track's prediction), and the person would
 *       stay untracked until a confident detection came;
 *   <li>confident detections still unmatched against the tracks still unmatched (mostly lost ones)
 *       by face code alone, anywhere in the frame: a person who left and came back, was hidden for
 *       long, or whose box jumped out of the motion gate (a face half cut by the frame edge).
 * </ol>
 */
public final class FaceTracker {
  private final TrackingParameters params;
  private final BoxKalmanFilter filter;
  private final List<Track> tracks;
  private long nextNumber;

  /** A tracker with no tracks, numbering from 0. */
  public FaceTracker(TrackingParameters params) {
    this(params, 0, List.of());
  }

  /** Restores a tracker (e.g. from the state store). */
  public FaceTracker(TrackingParameters params, long nextNumber, List<Track> tracks) {
    this.params = params;
    this.filter = new BoxKalmanFilter(params.motionNoise());
    this.tracks = new ArrayList<>(tracks);
    this.nextNumber = nextNumber;
  }

  /** The live tracks, in creation order (a read-only view). */
  public List<Track> tracks() {
    return List.copyOf(tracks);
  }

  /** The number the next new track gets. */
  public long nextNumber() {
    return nextNumber;
  }

  /**
   * Processes one frame.
   *
   * @param timeUs the frame's media time, microseconds
   * @param detections the frame's faces
   */
  public FrameResult step(long timeUs, List<Detection> detections) {
    int n = detections.size();
    Track[] trackOf = new Track[n];
    int t = tracks.size();
    BoundingBox[] predicted = new BoundingBox[t];
    BoxKalmanFilter.Projection[] projections = new BoxKalmanFilter.Projection[t];
    for (int i = 0; i < t; i++) {
      Track track = tracks.get(i);
      filter.predict(track.motion(), timeUs);
      predicted[i] = track.motion().box();
      projections[i] = filter.project(track.motion());
    }
    List<Integer> high = new ArrayList<>();
    List<Integer> low = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      float score = detections.get(d).score();
      if (score >= params.highScore()) {
        high.add(d);
      } else if (score >= params.lowScore()) {
        low.add(d);
      }
    }
    boolean[] matched = new boolean[t];
    boolean[][] continuity = continuity(predicted, detections);

    List<Integer> rows = indices(t, i -> true);
    match(
        rows,
        high,
        (i, d) ->
            stageOneCost(
                tracks.get(i), predicted[i], projections[i], detections.get(d), continuity[i][d]),
        matched,
        trackOf,
        timeUs,
        detections);
    rows = indices(t, i -> !matched[i] && tracks.get(i).phase() != TrackPhase.LOST);
    match(
        rows,
        low,
        (i, d) ->
            continuity[i][d]
                ? 1 - predicted[i].iou(detections.get(d).box())
                : HungarianAssignment.FORBIDDEN,
        matched,
        trackOf,
        timeUs,
        detections);
    rows = indices(t, i -> !matched[i] && tracks.get(i).phase() == TrackPhase.LOST);
    List<Integer> unmatchedLow = new ArrayList<>();
    for (int d : low) {
      if (trackOf[d] == null) {
        unmatchedLow.add(d);
      }
    }
    match(
        rows,
        unmatchedLow,
        (i, d) ->
            tracks.get(i).appearance() == null || detections.get(d).appearance() == null
                ? HungarianAssignment.FORBIDDEN
                : stageOneCost(
                    tracks.get(i), predicted[i], projections[i], detections.get(d), false),
        matched,
        trackOf,
        timeUs,
        detections);
    rows = indices(t, i -> !matched[i]);
    List<Integer> unmatchedHigh = new ArrayList<>();
    for (int d : high) {
      if (trackOf[d] == null) {
        unmatchedHigh.add(d);
      }
    }
    match(
        rows,
        unmatchedHigh,
        (i, d) -> reidentificationCost(tracks.get(i), detections.get(d)),
        matched,
        trackOf,
        timeUs,
        detections);

    List<Track> confirmed = new ArrayList<>();
    List<Removal> removed = new ArrayList<>();
    List<Track> kept = new ArrayList<>(t + n);
    for (int i = 0; i < t; i++) {
      Track track = tracks.get(i);
      if (matched[i]) {
        if (track.phase() == TrackPhase.LOST) {
          track.phase(TrackPhase.CONFIRMED);
        } else if (track.phase() == TrackPhase.TENTATIVE && track.hits() >= hitsToConfirm(track)) {
          track.phase(TrackPhase.CONFIRMED);
          confirmed.add(track);
        }
        kept.add(track);
      } else if (track.phase() == TrackPhase.TENTATIVE) {
        removed.add(new Removal(track, EndCause.NOT_CONFIRMED));
      } else {
        track.phase(TrackPhase.LOST);
        if (timeUs - track.lastSeenUs() > params.maxLostAgeUs()) {
          removed.add(new Removal(track, EndCause.LOST));
        } else {
          kept.add(track);
        }
      }
    }
    for (int d = 0; d < n; d++) {
      Detection det = detections.get(d);
      if (trackOf[d] == null && startsTrack(det, predicted)) {
        Track track = start(det, timeUs);
        trackOf[d] = track;
        kept.add(track);
        if (track.isConfirmed()) {
          confirmed.add(track);
        }
      }
    }
    List<Merge> merged = resumeLostTracks(confirmed, kept, trackOf, detections);
    tracks.clear();
    tracks.addAll(kept);
    return new FrameResult(trackOf, confirmed, removed, merged);
  }

  /**
   * A person coming back into view is often first seen half cut by the frame edge or half hidden,
   * too unlike their lost track to be re-identified, and starts a new track. By the time that track
   * is confirmed its latest face is whole: if it matches a lost track, the lost track continues and
   * the new one (never published) is dropped.
   */
  private List<Merge> resumeLostTracks(
      List<Track> confirmed, List<Track> kept, Track[] trackOf, List<Detection> detections) {
    List<Merge> merged = new ArrayList<>();
    for (Track fresh : List.copyOf(confirmed)) {
      if (fresh.hits() != hitsToConfirm(fresh)) {
        continue; // confirmed on creation (minHits 1) or a returning lost track
      }
      float[] seen = null;
      int detection = -1;
      for (int d = 0; d < trackOf.length; d++) {
        if (trackOf[d] == fresh) {
          seen = detections.get(d).appearance();
          detection = d;
        }
      }
      if (seen == null) {
        continue;
      }
      Track best = null;
      double bestDistance = params.reidDistance();
      for (Track lost : kept) {
        if (lost.phase() == TrackPhase.LOST && lost.appearance() != null) {
          double distance = Appearance.distance(lost.appearance(), seen);
          if (distance <= bestDistance) {
            best = lost;
            bestDistance = distance;
          }
        }
      }
      if (best != null) {
        best.resume(fresh, seen, params.appearanceMomentum());
        kept.remove(fresh);
        confirmed.remove(fresh);
        trackOf[detection] = best;
        merged.add(new Merge(fresh, best));
      }
    }
    return merged;
  }

  /**
   * Consecutive hits a tentative track needs: {@code minHits} once a detection of it reached {@code
   * highScore}, else {@code lowConfirmHits}.
   */
  private int hitsToConfirm(Track track) {
    return track.bestScore() >= params.highScore() ? params.minHits() : params.lowConfirmHits();
  }

  /**
   * Whether an unmatched detection starts a track: at or above {@code newTrackScore}, and, below
   * {@code highScore}, only away from every track's prediction. A weak second box on a tracked face
   * (detectors put one on a face half turned or half hidden) is not a new person.
   */
  private boolean startsTrack(Detection det, BoundingBox[] predicted) {
    if (det.score() < params.newTrackScore()) {
      return false;
    }
    if (det.score() >= params.highScore()) {
      return true;
    }
    for (BoundingBox p : predicted) {
      if (p.iou(det.box()) >= params.minIou()) {
        return false;
      }
    }
    return true;
  }

  /** Ends every track (the stream ended) and returns them with their causes. */
  public List<Removal> endAll() {
    return endAll(EndCause.STREAM_ENDED);
  }

  /**
   * Ends every track, confirmed ones with {@code cause}, and returns them; track numbers go on
   * counting, so the tracks that come next never reuse an ended track's number.
   */
  public List<Removal> endAll(EndCause cause) {
    List<Removal> removed = new ArrayList<>(tracks.size());
    for (Track track : tracks) {
      removed.add(new Removal(track, track.isConfirmed() ? cause : EndCause.NOT_CONFIRMED));
    }
    tracks.clear();
    return removed;
  }

  private Track start(Detection det, long timeUs) {
    float[] appearance = det.appearance() == null ? null : det.appearance().clone();
    TrackPhase phase = params.minHits() <= 1 ? TrackPhase.CONFIRMED : TrackPhase.TENTATIVE;
    return new Track(
        nextNumber++,
        phase,
        filter.initiate(det.box(), timeUs),
        appearance,
        1,
        timeUs,
        det.box(),
        det.score());
  }

  /**
   * Which (track, detection) pairs have unambiguous motion continuity: the track was matched in the
   * previous frame (not lost), the detection overlaps its prediction by at least {@code
   * lowScoreMinIou}, and neither has anything else in such an overlap. This is all that may link a
   * face whose code cannot tell who it is (weak, small or blurred), so that such a face never
   * carries a track, and its name, over to a neighbour.
   */
  private boolean[][] continuity(BoundingBox[] predicted, List<Detection> detections) {
    int t = predicted.length;
    int n = detections.size();
    boolean[][] overlaps = new boolean[t][n];
    int[] perTrack = new int[t];
    int[] perDetection = new int[n];
    for (int i = 0; i < t; i++) {
      for (int d = 0; d < n; d++) {
        double iou = predicted[i].iou(detections.get(d).box());
        overlaps[i][d] = iou >= params.lowScoreMinIou();
        // Any touch counts against unambiguity, not only an overlap that would link: a face that
        // also touches another track's prediction (e.g. a passer-by's new track, not yet moving
        // in its prediction) may be that one's, and a hidden person's track must not take it.
        if (iou > 0) {
          perTrack[i]++;
          perDetection[d]++;
        }
      }
    }
    boolean[][] out = new boolean[t][n];
    for (int i = 0; i < t; i++) {
      if (tracks.get(i).phase() == TrackPhase.LOST) {
        continue;
      }
      for (int d = 0; d < n; d++) {
        out[i][d] = overlaps[i][d] && perTrack[i] == 1 && perDetection[d] == 1;
      }
    }
    return out;
  }

  private double stageOneCost(
      Track track,
      BoundingBox predicted,
      BoxKalmanFilter.Projection projection,
      Detection det,
      boolean continuous) {
    double iou = predicted.iou(det.box());
    if (track.appearance() == null || det.appearance() == null) {
      // No code to tell who it is: only unambiguous motion continuity links it.
      return continuous ? 1 - iou : HungarianAssignment.FORBIDDEN;
    }
    boolean overlaps = iou >= params.minIou();
    if (!overlaps && projection.mahalanobis(det.box()) > params.motionGate()) {
      return HungarianAssignment.FORBIDDEN;
    }
    double motion = 1 - iou;
    double w = params.motionWeight();
    double distance = Appearance.distance(track.appearance(), det.appearance());
    // A lost track's gate widens with every second it is unseen, so after a long gap a face
    // admitted by the gate alone (not overlapping the prediction) has hardly any motion evidence:
    // it needs the code evidence re-identification needs. Without this a half-hidden face's track
    // took another person three seconds later at 0.358 (eval tracking, held-out crowd).
    double gate =
        track.phase() == TrackPhase.LOST && !overlaps
            ? Math.min(params.appearanceGate(), params.reidDistance())
            : params.appearanceGate();
    if (distance > gate) {
      return HungarianAssignment.FORBIDDEN;
    }
    return w * motion + (1 - w) * distance / params.appearanceGate();
  }

  private double reidentificationCost(Track track, Detection det) {
    if (track.appearance() == null || det.appearance() == null) {
      return HungarianAssignment.FORBIDDEN;
    }
    double ratio = det.box().height() / track.lastBox().height();
    double limit = params.reidMaxScaleChange();
    if (ratio > limit || ratio < 1 / limit) {
      return HungarianAssignment.FORBIDDEN;
    }
    double distance = Appearance.distance(track.appearance(), det.appearance());
    return distance <= params.reidDistance() ? distance : HungarianAssignment.FORBIDDEN;
  }

  /** A cost between the track at a row index and the detection at a column index. */
  private interface PairCost {
    double cost(int trackIndex, int detectionIndex);
  }

  private interface IndexFilter {
    boolean test(int index);
  }

  private static List<Integer> indices(int count, IndexFilter keep) {
    List<Integer> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (keep.test(i)) {
        out.add(i);
      }
    }
    return out;
  }

  private void match(
      List<Integer> rows,
      List<Integer> cols,
      PairCost pairCost,
      boolean[] matched,
      Track[] trackOf,
      long timeUs,
      List<Detection> detections) {
    if (rows.isEmpty() || cols.isEmpty()) {
      return;
    }
    double[][] cost = new double[rows.size()][cols.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < cols.size(); c++) {
        cost[r][c] = pairCost.cost(rows.get(r), cols.get(c));
      }
    }
    int[] assignment = HungarianAssignment.solve(cost);
    for (int r = 0; r < assignment.length; r++) {
      if (assignment[r] == HungarianAssignment.UNASSIGNED) {
        continue;
      }
      int i = rows.get(r);
      int d = cols.get(assignment[r]);
      Track track = tracks.get(i);
      Detection det = detections.get(d);
      filter.update(track.motion(), det.box());
      track.hit(timeUs, det.box(), det.score());
      if (det.score() >= params.highScore()) {
        track.see(det.appearance(), params.appearanceMomentum());
      }
      matched[i] = true;
      trackOf[d] = track;
    }
  }
}
