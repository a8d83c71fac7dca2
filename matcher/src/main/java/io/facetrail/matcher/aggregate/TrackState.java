package io.facetrail.matcher.aggregate;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.identity.TrackParts;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.matcher.archive.FaceQuality;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the matcher keeps about one live track: the embedding aggregate, first and last
 * sighting, and the decision so far. Mutable; stored between records by {@link TrackStateCodec}.
 */
public final class TrackState {
  final String trackId;
  final String streamId;
  String modelId = "";
  Map<String, String> labels = new LinkedHashMap<>();
  EmbeddingMean mean;
  long observations;
  Moment firstSeen;
  Moment lastSeen;

  /** The person the track is identified as; null while unidentified. */
  String personId;

  /** A different person the recent evaluations pointed to, and for how many in a row. */
  String candidateId;

  int candidateStreak;

  /** Number of changed events emitted so far (the discriminator of the next one's id). */
  int changes;

  double lastDistance = Double.NaN;
  double lastSecondDistance = Double.NaN;
  double lastThreshold = Double.NaN;

  /** The operating point of the latest evaluation: per-comparison FAR, FPIR, gallery size. */
  /** Parts split off this track so far: 0 while it is one person (see {@link #split}). */
  int segment;

  /** The last sighting whose face agreed with the identity (any good one before identification). */
  Moment lastAgreeing;

  /** Good faces since the last agreeing one that disagree with the identity, and the first one. */
  EmbeddingMean dissent = new EmbeddingMean();

  Moment dissentFrom;

  double lastFalseAcceptRate = Double.NaN;

  double lastFpir = Double.NaN;
  int lastGallerySize = -1;
  boolean pending;
  boolean ended;

  /**
   * Good observations added since the last evaluation (0 = the decision reflects the aggregate).
   */
  int unevaluated;

  /** Wall-clock time of the last record of this track, epoch ms (for closing idle tracks). */
  long lastActivityMs;

  /** Read from a layout older than the store's current encoding; never stored itself. */
  boolean readFromOlderFormat;

  /** Observations that did not count, by {@link FrameProblem} ordinal. */
  long[] unused = new long[FrameProblem.values().length];

  /** The best good frames of the aggregate, highest quality first (for the track archive). */
  BestFrames bestFrames = new BestFrames();

  /** Good frames of the aggregate with face measures, and the sums of their height, sharpness. */
  int measuredFrames;

  double faceHeightSum;
  double sharpnessSum;
  double brightnessSum;

  /** Whether the current part was started by {@link #forgetPart} and has seen no face since. */
  boolean partEmpty;

  public TrackState(String trackId, String streamId) {
    this(trackId, streamId, new EmbeddingMean());
  }

  TrackState(String trackId, String streamId, EmbeddingMean mean) {
    this.trackId = Objects.requireNonNull(trackId);
    this.streamId = Objects.requireNonNull(streamId);
    this.mean = mean;
  }

  /**
   * Takes an observation into account: every observation moves the last sighting; a good one
   * (quality at least {@code minQuality}) enters the aggregate while it holds fewer than {@code
   * maxObservations}. Once the track is identified, a good face farther from the aggregate than the
   * decision threshold does not enter it: it is held as dissent (see {@link #dissenting}), so a
   * track that has moved onto somebody else never dilutes the evidence for the name it carries.
   *
   * @return whether the aggregate changed
   */
  public boolean observe(TrackObservation o, double minQuality, int maxObservations) {
    return observe(o, FrameGate.qualityOnly(minQuality), maxObservations);
  }

  /**
   * The smallest weight a counted frame has in the track's mean. The gate, not the quality score,
   * decides whether a frame counts (a measured face may pass it with a score of 0); the score only
   * weighs it, and a frame that counts must weigh something.
   */
  static final double MIN_WEIGHT = 0.05;

  private static double weightOf(TrackObservation o) {
    double q = o.getQuality();
    return Double.isFinite(q) ? Math.max(q, MIN_WEIGHT) : MIN_WEIGHT;
  }

  /**
   * Takes an observation into account as {@link #observe(TrackObservation, double, int)}, with
   * {@code gate} deciding which observations are good; the others are counted by their problem.
   *
   * @return whether the aggregate changed
   */
  public boolean observe(TrackObservation o, FrameGate gate, int maxObservations) {
    observations++;
    partEmpty = false;
    Moment at = Moment.of(o.getAt());
    if (firstSeen == null) {
      firstSeen = at;
    }
    if (lastSeen == null || at.sequence() >= lastSeen.sequence()) {
      lastSeen = at;
    }
    if (modelId.isEmpty()) {
      modelId = o.getModelId();
    } else if (!modelId.equals(o.getModelId())) {
      // One track, one embedding model: codes of another model would corrupt the mean.
      throw new IllegalArgumentException(
          "track " + trackId + " mixes model ids " + modelId + " and " + o.getModelId());
    }
    java.util.Optional<FrameProblem> problem = gate.judge(o);
    if (problem.isPresent()) {
      unused[problem.get().ordinal()]++;
      return false;
    }
    float[] unit = unitEmbedding(o);
    if (personId != null
        && Double.isFinite(lastThreshold)
        && distanceToAggregate(unit) > lastThreshold) {
      if (dissent.count() == 0) {
        dissentFrom = at;
      }
      dissent.add(unit, weightOf(o));
      return false;
    }
    dissent = new EmbeddingMean();
    dissentFrom = null;
    lastAgreeing = at;
    if (mean.count() >= maxObservations) {
      return false;
    }
    mean.add(unit, weightOf(o));
    bestFrames.offer(weightOf(o), unit);
    if (o.hasMeasures()) {
      measuredFrames++;
      faceHeightSum += o.getMeasures().getHeightPx();
      sharpnessSum += o.getMeasures().getSharpness();
      brightnessSum += o.getMeasures().getBrightness();
    }
    unevaluated++;
    return true;
  }

  private double distanceToAggregate(float[] unit) {
    float[] m = FaceCode.normalise(mean.rawSum().clone());
    double sum = 0;
    for (int i = 0; i < m.length; i++) {
      double d = m[i] - unit[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /** Consecutive good faces since the last agreeing one that disagree with the identity. */
  public int dissenting() {
    return dissent.count();
  }

  /** The id identity events of the current part carry: the track's, then {@code <id>/s<n>}. */
  public String eventTrackId() {
    return TrackParts.id(trackId, segment);
  }

  /**
   * Ends the identified part at its last agreeing face and goes on as a new, unidentified part made
   * of the dissenting faces: the tracker followed one track onto somebody else, and the name must
   * stay with the person it was given to. Call {@link #closePart} first to report the old part.
   */
  public void split(Moment latest) {
    segment++;
    mean = dissent;
    dissent = new EmbeddingMean();
    firstSeen = dissentFrom;
    dissentFrom = null;
    lastSeen = latest;
    lastAgreeing = latest;
    identity(null, null, 0, 0);
    distances(Double.NaN, Double.NaN, Double.NaN);
    operatingPoint(Double.NaN, Double.NaN, -1);
    unevaluated = mean.count();
    // The dissenting faces' own codes and measures were not kept: the new part's start afresh.
    bestFrames = new BestFrames();
    resetMeasures();
  }

  /**
   * Drops the current part, its faces, codes and identity, and goes on as a new empty part (the
   * next {@code <id>/s<n>}), first seen at its next face: the person it named was erased from the
   * gallery, and nothing of what was gathered under their name may outlive the erasure.
   */
  public void forgetPart() {
    segment++;
    mean = new EmbeddingMean();
    dissent = new EmbeddingMean();
    dissentFrom = null;
    firstSeen = null;
    lastSeen = null;
    lastAgreeing = null;
    identity(null, null, 0, 0);
    distances(Double.NaN, Double.NaN, Double.NaN);
    operatingPoint(Double.NaN, Double.NaN, -1);
    unevaluated = 0;
    bestFrames = new BestFrames();
    resetMeasures();
    partEmpty = true;
  }

  /** Whether nothing was seen of the current part (it began at an erasure and no face came). */
  public boolean partEmpty() {
    return partEmpty;
  }

  private void resetMeasures() {
    measuredFrames = 0;
    faceHeightSum = 0;
    sharpnessSum = 0;
    brightnessSum = 0;
  }

  /** The means of the aggregate's measured good frames' face measures (unknown when none). */
  public FaceQuality faceQuality() {
    if (measuredFrames == 0) {
      return FaceQuality.UNKNOWN;
    }
    return new FaceQuality(
        faceHeightSum / measuredFrames,
        sharpnessSum / measuredFrames,
        brightnessSum / measuredFrames);
  }

  /**
   * Sets the last sighting to the last agreeing face, for the ended event of the identified part.
   */
  public void closePart() {
    if (lastAgreeing != null) {
      lastSeen = lastAgreeing;
    }
  }

  private static float[] unitEmbedding(TrackObservation o) {
    if (o.getEmbeddingCount() == FaceCode.DIMENSIONS) {
      float[] v = new float[FaceCode.DIMENSIONS];
      for (int i = 0; i < v.length; i++) {
        v[i] = o.getEmbedding(i);
      }
      return FaceCode.normalise(v);
    }
    return FaceCode.normalise(FaceCode.dequantise(o.getCode().toByteArray()));
  }

  public String trackId() {
    return trackId;
  }

  public String streamId() {
    return streamId;
  }

  public String modelId() {
    return modelId;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public void labels(Map<String, String> l) {
    labels = new LinkedHashMap<>(l);
  }

  /** Good observations in the aggregate. */
  public int goodFrames() {
    return mean.count();
  }

  public long observations() {
    return observations;
  }

  /** Observations that did not count because of {@code problem}. */
  public long unused(FrameProblem problem) {
    return unused[problem.ordinal()];
  }

  /** Codes of the aggregate's best frames, highest quality first (at most three). */
  public java.util.List<byte[]> bestFrameCodes() {
    return bestFrames.codes();
  }

  /** The aggregate as a 128-byte code. */
  public byte[] aggregateCode() {
    return mean.code();
  }

  /**
   * Whether this state was read from a layout that predates the current encoding, so the matcher
   * should store it again (which writes the current encoding) even if nothing in it changed.
   */
  public boolean readFromOlderFormat() {
    return readFromOlderFormat;
  }

  public Moment firstSeen() {
    return firstSeen;
  }

  public Moment lastSeen() {
    return lastSeen;
  }

  /** Sets the first sighting from the start record when no observation came earlier. */
  public void startedAt(Moment at) {
    if (firstSeen == null) {
      firstSeen = at;
    }
    if (lastSeen == null) {
      lastSeen = at;
    }
  }

  /** Records the end sighting. */
  public void endedAt(Moment first, Moment last) {
    if (firstSeen == null) {
      firstSeen = first;
    }
    if (lastSeen == null || last.sequence() > lastSeen.sequence()) {
      lastSeen = last;
    }
    ended = true;
  }

  public long lastActivityMs() {
    return lastActivityMs;
  }

  public void lastActivityMs(long ms) {
    lastActivityMs = ms;
  }

  public boolean ended() {
    return ended;
  }

  public boolean pending() {
    return pending;
  }

  public void pending(boolean p) {
    pending = p;
  }

  public int unevaluated() {
    return unevaluated;
  }

  public void evaluated() {
    unevaluated = 0;
  }

  public String personId() {
    return personId;
  }

  public String candidateId() {
    return candidateId;
  }

  public int candidateStreak() {
    return candidateStreak;
  }

  public int changes() {
    return changes;
  }

  public double lastDistance() {
    return lastDistance;
  }

  public double lastSecondDistance() {
    return lastSecondDistance;
  }

  public double lastThreshold() {
    return lastThreshold;
  }

  /** Records the identity decided by the decision policy. */
  public void identity(String person, String candidate, int streak, int changeCount) {
    personId = person;
    candidateId = candidate;
    candidateStreak = streak;
    changes = changeCount;
  }

  /** Per-comparison FAR of the latest evaluation's threshold; NaN before the first. */
  public double lastFalseAcceptRate() {
    return lastFalseAcceptRate;
  }

  /** FPIR per track decision of the latest evaluation; NaN before it or at a fixed FAR. */
  public double lastFpir() {
    return lastFpir;
  }

  /** Persons in the gallery at the latest evaluation; -1 before the first. */
  public int lastGallerySize() {
    return lastGallerySize;
  }

  /** Records the operating point of the latest evaluation's threshold. */
  public void operatingPoint(double falseAcceptRate, double fpir, int gallerySize) {
    lastFalseAcceptRate = falseAcceptRate;
    lastFpir = fpir;
    lastGallerySize = gallerySize;
  }

  /** Records the distances of the latest evaluation. */
  public void distances(double best, double second, double threshold) {
    lastDistance = best;
    lastSecondDistance = second;
    lastThreshold = threshold;
  }
}
