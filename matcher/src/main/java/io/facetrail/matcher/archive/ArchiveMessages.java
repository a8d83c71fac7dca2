package io.facetrail.matcher.archive;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.proto.ArchivedTrackRecord;
import io.facetrail.matcher.archive.proto.NearestRecord;
import io.facetrail.matcher.archive.proto.TrackDecisionRecord;
import io.facetrail.matcher.index.Match;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The archive's stored values ({@code facetrail/matcher/v1/archive.proto}): one version byte, then
 * the message, in both stores. A version this build does not know is refused with the reason.
 */
final class ArchiveMessages {
  static final byte VERSION = 1;

  private ArchiveMessages() {}

  static byte[] track(ArchivedTrack t) {
    ArchivedTrackRecord.Builder b =
        ArchivedTrackRecord.newBuilder()
            .setTrackId(t.trackId())
            .setStreamId(t.streamId())
            .setModelId(t.modelId())
            .setFirstSeen(t.firstSeen().toFrameTime())
            .setLastSeen(t.lastSeen().toFrameTime())
            .setArchivedAtMs(t.archivedAt().toEpochMilli())
            .setGoodFrames(t.goodFrames())
            .setAggregate(ByteString.copyFrom(t.aggregate()))
            .setThumbnailJpeg(ByteString.copyFrom(t.thumbnailJpeg()));
    t.bestFrames().forEach(f -> b.addBestFrames(ByteString.copyFrom(f)));
    FaceQuality q = t.faceQuality();
    if (Double.isFinite(q.heightPx())) {
      b.setFaceHeightPx(q.heightPx());
    }
    if (Double.isFinite(q.sharpness())) {
      b.setSharpness(q.sharpness());
    }
    if (Double.isFinite(q.brightness())) {
      b.setBrightness(q.brightness());
    }
    t.labels()
        .forEach(
            (k, v) -> {
              b.addLabels(k);
              b.addLabels(v);
            });
    return withVersion(b.build().toByteArray());
  }

  static ArchivedTrack track(byte[] data) {
    ArchivedTrackRecord r;
    try {
      r = ArchivedTrackRecord.parseFrom(message(data, "archived track"));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt archived track: " + e.getMessage(), e);
    }
    List<byte[]> frames = new ArrayList<>();
    r.getBestFramesList().forEach(f -> frames.add(f.toByteArray()));
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i + 1 < r.getLabelsCount(); i += 2) {
      labels.put(r.getLabels(i), r.getLabels(i + 1));
    }
    return new ArchivedTrack(
        r.getTrackId(),
        r.getStreamId(),
        r.getModelId(),
        Moment.of(r.getFirstSeen()),
        Moment.of(r.getLastSeen()),
        Instant.ofEpochMilli(r.getArchivedAtMs()),
        r.getGoodFrames(),
        r.getAggregate().toByteArray(),
        frames,
        r.getThumbnailJpeg().toByteArray(),
        labels,
        new FaceQuality(
            r.hasFaceHeightPx() ? r.getFaceHeightPx() : Double.NaN,
            r.hasSharpness() ? r.getSharpness() : Double.NaN,
            r.hasBrightness() ? r.getBrightness() : Double.NaN));
  }

  static byte[] decision(TrackDecision d) {
    TrackDecisionRecord.Builder b =
        TrackDecisionRecord.newBuilder()
            .setTrackId(d.trackId())
            .setDistance(d.distance())
            .setThreshold(d.threshold())
            .setFalseAcceptRate(d.falseAcceptRate())
            .setFpir(d.fpir())
            .setGallerySize(d.gallerySize())
            .setNearestComplete(d.nearestComplete())
            .setDecidedAtMs(d.decidedAt().toEpochMilli())
            .setRetroactive(d.retroactive())
            .setRevision(d.revision());
    if (d.personId() != null) {
      b.setPersonId(d.personId());
    }
    if (d.clusterId() != null) {
      b.setClusterId(d.clusterId());
    }
    for (Match m : d.nearest()) {
      b.addNearest(
          NearestRecord.newBuilder()
              .setPersonId(m.personId())
              .setSquaredCodeDistance(m.squaredCodeDistance())
              .setModelId(m.modelId()));
    }
    return withVersion(b.build().toByteArray());
  }

  static TrackDecision decision(byte[] data) {
    TrackDecisionRecord r;
    try {
      r = TrackDecisionRecord.parseFrom(message(data, "track decision"));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt track decision: " + e.getMessage(), e);
    }
    List<Match> nearest = new ArrayList<>();
    for (NearestRecord n : r.getNearestList()) {
      nearest.add(new Match(n.getPersonId(), "", n.getSquaredCodeDistance(), n.getModelId()));
    }
    return new TrackDecision(
        r.getTrackId(),
        r.hasPersonId() ? r.getPersonId() : null,
        r.getDistance(),
        r.getThreshold(),
        r.getFalseAcceptRate(),
        r.getFpir(),
        r.getGallerySize(),
        nearest,
        r.getNearestComplete(),
        Instant.ofEpochMilli(r.getDecidedAtMs()),
        r.getRetroactive(),
        r.getRevision(),
        r.hasClusterId() ? r.getClusterId() : null);
  }

  private static byte[] withVersion(byte[] message) {
    byte[] out = new byte[message.length + 1];
    out[0] = VERSION;
    System.arraycopy(message, 0, out, 1, message.length);
    return out;
  }

  private static byte[] message(byte[] data, String what) {
    if (data == null || data.length == 0) {
      throw new IllegalStateException("empty " + what);
    }
    if (data[0] != VERSION) {
      throw new IllegalStateException(
          what
              + " has format version "
              + data[0]
              + ", this build reads "
              + VERSION
              + ": open the archive with the build that wrote it");
    }
    return java.util.Arrays.copyOfRange(data, 1, data.length);
  }
}
