package io.facetrail.matcher.archive;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.identity.Moment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the archive keeps of one ended track besides its decision: where and when it was seen, its
 * codes and its best face. Immutable once stored.
 *
 * @param trackId the id its identity events carry
 * @param streamId the stream or video
 * @param modelId the embedding model of its codes
 * @param firstSeen first sighting
 * @param lastSeen last sighting
 * @param archivedAt when it was archived (retention counts from it)
 * @param goodFrames good frames in the aggregate
 * @param aggregate the quality-weighted mean as a 128-byte code
 * @param bestFrames up to {@link #MAX_BEST_FRAMES} codes of its best frames
 * @param thumbnailJpeg the best face's thumbnail, empty when none
 * @param labels the stream's labels
 * @param faceQuality what its faces looked like ({@link FaceQuality#UNKNOWN}: not measured)
 */
public record ArchivedTrack(
    String trackId,
    String streamId,
    String modelId,
    Moment firstSeen,
    Moment lastSeen,
    Instant archivedAt,
    int goodFrames,
    byte[] aggregate,
    List<byte[]> bestFrames,
    byte[] thumbnailJpeg,
    Map<String, String> labels,
    FaceQuality faceQuality) {
  /** A track whose faces were not measured. */
  public ArchivedTrack(
      String trackId,
      String streamId,
      String modelId,
      Moment firstSeen,
      Moment lastSeen,
      Instant archivedAt,
      int goodFrames,
      byte[] aggregate,
      List<byte[]> bestFrames,
      byte[] thumbnailJpeg,
      Map<String, String> labels) {
    this(
        trackId,
        streamId,
        modelId,
        firstSeen,
        lastSeen,
        archivedAt,
        goodFrames,
        aggregate,
        bestFrames,
        thumbnailJpeg,
        labels,
        FaceQuality.UNKNOWN);
  }

  /** Best frame codes kept per track. */
  public static final int MAX_BEST_FRAMES = 3;

  /** Thumbnails larger than this are not kept (the tracker's are a few KB). */
  public static final int MAX_THUMBNAIL_BYTES = 256 * 1024;

  public ArchivedTrack {
    Objects.requireNonNull(trackId, "trackId");
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(archivedAt, "archivedAt");
    if (trackId.isEmpty() || modelId.isEmpty()) {
      throw new IllegalArgumentException("an archived track needs a track id and a model id");
    }
    checkCode(aggregate, "aggregate");
    if (bestFrames.size() > MAX_BEST_FRAMES) {
      throw new IllegalArgumentException(
          "at most " + MAX_BEST_FRAMES + " best frames, got " + bestFrames.size());
    }
    List<byte[]> frames = new ArrayList<>();
    for (byte[] f : bestFrames) {
      checkCode(f, "best frame");
      frames.add(f.clone());
    }
    bestFrames = List.copyOf(frames);
    aggregate = aggregate.clone();
    thumbnailJpeg = thumbnailJpeg == null ? new byte[0] : thumbnailJpeg.clone();
    if (thumbnailJpeg.length > MAX_THUMBNAIL_BYTES) {
      throw new IllegalArgumentException(
          "thumbnail of " + thumbnailJpeg.length + " bytes, at most " + MAX_THUMBNAIL_BYTES);
    }
    labels = labels == null ? Map.of() : new LinkedHashMap<>(labels);
    faceQuality = faceQuality == null ? FaceQuality.UNKNOWN : faceQuality;
  }

  private static void checkCode(byte[] code, String what) {
    if (code == null || code.length != FaceCode.DIMENSIONS) {
      throw new IllegalArgumentException(
          what + " must be a " + FaceCode.DIMENSIONS + "-byte face code");
    }
  }

  @Override
  public byte[] aggregate() {
    return aggregate.clone();
  }

  @Override
  public List<byte[]> bestFrames() {
    return bestFrames.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] thumbnailJpeg() {
    return thumbnailJpeg.clone();
  }

  @Override
  public Map<String, String> labels() {
    return java.util.Collections.unmodifiableMap(labels);
  }

  /** The aggregate then the best frames: the codes a search compares with. */
  public List<byte[]> codes() {
    List<byte[]> out = new ArrayList<>(1 + bestFrames.size());
    out.add(aggregate());
    out.addAll(bestFrames());
    return out;
  }

  /** This track under another id. */
  public ArchivedTrack withTrackId(String id) {
    return new ArchivedTrack(
        id,
        streamId,
        modelId,
        firstSeen,
        lastSeen,
        archivedAt,
        goodFrames,
        aggregate,
        bestFrames,
        thumbnailJpeg,
        labels,
        faceQuality);
  }

  /**
   * Whether {@code other} is a sighting of the same frames of the same stream (the same video run
   * again), as opposed to another video whose stream and track ids happen to be the same.
   */
  public boolean sameSighting(ArchivedTrack other) {
    return other.streamId.equals(streamId)
        && other.firstSeen.sequence() == firstSeen.sequence()
        && other.lastSeen.sequence() == lastSeen.sequence()
        && other.firstSeen.mediaTimeUs() == firstSeen.mediaTimeUs()
        && other.lastSeen.mediaTimeUs() == lastSeen.mediaTimeUs();
  }

  /** This track with another thumbnail (stored apart from it in Redis); null: none. */
  public ArchivedTrack withThumbnail(byte[] jpeg) {
    return new ArchivedTrack(
        trackId,
        streamId,
        modelId,
        firstSeen,
        lastSeen,
        archivedAt,
        goodFrames,
        aggregate,
        bestFrames,
        jpeg,
        labels,
        faceQuality);
  }

  /** This track without its thumbnail (what loading an index needs). */
  public ArchivedTrack withoutThumbnail() {
    return withThumbnail(new byte[0]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArchivedTrack t
        && t.trackId.equals(trackId)
        && t.streamId.equals(streamId)
        && t.modelId.equals(modelId)
        && t.firstSeen.equals(firstSeen)
        && t.lastSeen.equals(lastSeen)
        && t.archivedAt.equals(archivedAt)
        && t.goodFrames == goodFrames
        && Arrays.equals(t.aggregate, aggregate)
        && sameCodes(t.bestFrames, bestFrames)
        && Arrays.equals(t.thumbnailJpeg, thumbnailJpeg)
        && t.labels.equals(labels)
        && t.faceQuality.equals(faceQuality);
  }

  private static boolean sameCodes(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(trackId, streamId, archivedAt, Arrays.hashCode(aggregate));
  }

  /** Never prints codes or the thumbnail: they are biometric data. */
  @Override
  public String toString() {
    return "ArchivedTrack[" + trackId + " of " + streamId + ", model " + modelId + "]";
  }
}
