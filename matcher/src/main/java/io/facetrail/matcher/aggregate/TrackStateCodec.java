package io.facetrail.matcher.aggregate;

import com.google.protobuf.InvalidProtocolBufferException;
import io.facetrail.matcher.aggregate.proto.BestFrameRecord;
import io.facetrail.matcher.aggregate.proto.LabelRecord;
import io.facetrail.matcher.aggregate.proto.TrackStateRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link TrackState} in the matcher's state store and its changelog topic: a version byte, then a
 * {@code TrackStateRecord} ({@code facetrail/matcher/v1/state.proto}), as the tracker stores its
 * state. Versions 1 to 3 were hand-written layouts: state in them is still read ({@link
 * LegacyTrackStateReader}), marked {@link TrackState#readFromOlderFormat()}, and rewritten in this
 * encoding by the matcher. A version this build does not know (a newer build's) is refused.
 */
public final class TrackStateCodec
    implements Serde<TrackState>, Serializer<TrackState>, Deserializer<TrackState> {
  /** Format version written by this build; the legacy layouts used 1 to 3. */
  static final byte VERSION = 4;

  @Override
  public byte[] serialize(String topic, TrackState s) {
    if (s == null) {
      return null;
    }
    TrackStateRecord.Builder b =
        TrackStateRecord.newBuilder()
            .setTrackId(s.trackId)
            .setStreamId(s.streamId)
            .setModelId(s.modelId)
            .setMean(StateMessages.sum(s.mean))
            .setObservations(s.observations)
            .setCandidateStreak(s.candidateStreak)
            .setChanges(s.changes)
            .setLastDistance(s.lastDistance)
            .setLastSecondDistance(s.lastSecondDistance)
            .setLastThreshold(s.lastThreshold)
            .setPending(s.pending)
            .setEnded(s.ended)
            .setUnevaluated(s.unevaluated)
            .setLastActivityMs(s.lastActivityMs)
            .setLastFalseAcceptRate(s.lastFalseAcceptRate)
            .setLastFpir(s.lastFpir)
            .setLastGallerySize(s.lastGallerySize)
            .setSegment(s.segment)
            .setDissent(StateMessages.sum(s.dissent))
            .setMeasuredFrames(s.measuredFrames)
            .setFaceHeightSum(s.faceHeightSum)
            .setSharpnessSum(s.sharpnessSum)
            .setBrightnessSum(s.brightnessSum)
            .setPartEmpty(s.partEmpty);
    s.labels.forEach((k, v) -> b.addLabels(LabelRecord.newBuilder().setKey(k).setValue(v)));
    StateMessages.setIfPresent(s.firstSeen, b::setFirstSeen);
    StateMessages.setIfPresent(s.lastSeen, b::setLastSeen);
    StateMessages.setIfPresent(s.lastAgreeing, b::setLastAgreeing);
    StateMessages.setIfPresent(s.dissentFrom, b::setDissentFrom);
    for (long n : s.unused) {
      b.addUnused(n);
    }
    for (BestFrames.Frame f : s.bestFrames.frames()) {
      b.addBestFrames(
          BestFrameRecord.newBuilder()
              .setQuality(f.quality())
              .setCode(com.google.protobuf.ByteString.copyFrom(f.code())));
    }
    if (s.personId != null) {
      b.setPersonId(s.personId);
    }
    if (s.candidateId != null) {
      b.setCandidateId(s.candidateId);
    }
    return StateMessages.withVersion(VERSION, b.build().toByteArray());
  }

  @Override
  public TrackState deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length == 0) {
      throw new SerializationException("empty track state");
    }
    if (LegacyTrackStateReader.reads(data[0])) {
      TrackState s = LegacyTrackStateReader.read(data);
      s.readFromOlderFormat = true;
      return s;
    }
    if (data[0] != VERSION) {
      throw new SerializationException(
          "track state has format version "
              + data[0]
              + ", this build reads "
              + VERSION
              + " and the older 1 to 3: run the matcher version that wrote it, or reset the"
              + " application");
    }
    TrackStateRecord r;
    try {
      r = TrackStateRecord.parser().parseFrom(data, 1, data.length - 1);
    } catch (InvalidProtocolBufferException e) {
      throw new SerializationException("corrupt track state: " + e.getMessage(), e);
    }
    TrackState s =
        new TrackState(
            r.getTrackId(), r.getStreamId(), StateMessages.mean(r.getMean(), "track state"));
    s.modelId = r.getModelId();
    Map<String, String> labels = new LinkedHashMap<>();
    r.getLabelsList().forEach(l -> labels.put(l.getKey(), l.getValue()));
    s.labels = labels;
    s.observations = r.getObservations();
    s.firstSeen = StateMessages.momentOrNull(r.hasFirstSeen(), r.getFirstSeen());
    s.lastSeen = StateMessages.momentOrNull(r.hasLastSeen(), r.getLastSeen());
    s.personId = r.hasPersonId() ? r.getPersonId() : null;
    s.candidateId = r.hasCandidateId() ? r.getCandidateId() : null;
    s.candidateStreak = r.getCandidateStreak();
    s.changes = r.getChanges();
    s.lastDistance = r.getLastDistance();
    s.lastSecondDistance = r.getLastSecondDistance();
    s.lastThreshold = r.getLastThreshold();
    s.pending = r.getPending();
    s.ended = r.getEnded();
    s.unevaluated = r.getUnevaluated();
    s.lastActivityMs = r.getLastActivityMs();
    s.lastFalseAcceptRate = r.getLastFalseAcceptRate();
    s.lastFpir = r.getLastFpir();
    s.lastGallerySize = r.getLastGallerySize();
    s.segment = r.getSegment();
    s.lastAgreeing = StateMessages.momentOrNull(r.hasLastAgreeing(), r.getLastAgreeing());
    s.dissent = StateMessages.mean(r.getDissent(), "track state");
    s.dissentFrom = StateMessages.momentOrNull(r.hasDissentFrom(), r.getDissentFrom());
    s.measuredFrames = r.getMeasuredFrames();
    s.faceHeightSum = r.getFaceHeightSum();
    s.sharpnessSum = r.getSharpnessSum();
    s.brightnessSum = r.getBrightnessSum();
    s.partEmpty = r.getPartEmpty();
    // Problems added after this state was written read as 0; none is ever removed.
    for (int i = 0; i < Math.min(r.getUnusedCount(), s.unused.length); i++) {
      s.unused[i] = r.getUnused(i);
    }
    for (BestFrameRecord f : r.getBestFramesList()) {
      if (f.getCode().size() != io.facetrail.contracts.code.FaceCode.DIMENSIONS) {
        throw new SerializationException(
            "track state holds a best frame code of " + f.getCode().size() + " bytes");
      }
      s.bestFrames.add(new BestFrames.Frame(f.getQuality(), f.getCode().toByteArray()));
    }
    return s;
  }

  @Override
  public Serializer<TrackState> serializer() {
    return this;
  }

  @Override
  public Deserializer<TrackState> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // Nothing to configure.
  }

  @Override
  public void close() {
    // Stateless.
  }
}
