package io.facetrail.matcher.aggregate;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.aggregate.proto.UnknownTrackRecord;
import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The aggregate of a track that ended without a match, kept for clustering unknown faces until
 * {@code expiresAtMs} (the configured retention); then it and its thumbnail are deleted.
 *
 * @param trackId the track
 * @param streamId its stream
 * @param modelId the embedding model of its codes
 * @param code the aggregate code (empty when the track had no good frame)
 * @param goodFrames observations in the aggregate
 * @param firstSeen first sighting
 * @param lastSeen last sighting
 * @param bestFaceJpeg the best face's thumbnail from the tracker, empty when none
 * @param expiresAtMs when the record must be gone, epoch ms
 */
public record UnknownTrack(
    String trackId,
    String streamId,
    String modelId,
    byte[] code,
    int goodFrames,
    Moment firstSeen,
    Moment lastSeen,
    byte[] bestFaceJpeg,
    long expiresAtMs) {

  /** Format version written by this build. */
  static final byte VERSION = 2;

  /** The hand-written layout of the builds before the protobuf encoding. */
  private static final byte HAND_WRITTEN_FORMAT = 1;

  /**
   * The store key: expiry time first, so expired records form a prefix of the key order and the
   * retention sweep reads only what it deletes.
   */
  public String storeKey() {
    return keyPrefix(expiresAtMs) + trackId;
  }

  /** Every key of records expiring at or before {@code ms} sorts below this prefix's successor. */
  public static String keyPrefix(long ms) {
    return String.format(Locale.ROOT, "%016d|", ms);
  }

  /**
   * A version byte, then an {@code UnknownTrackRecord} ({@code facetrail/matcher/v1/state.proto}).
   */
  public byte[] toBytes() {
    UnknownTrackRecord.Builder b =
        UnknownTrackRecord.newBuilder()
            .setTrackId(trackId)
            .setStreamId(streamId)
            .setModelId(modelId)
            .setCode(ByteString.copyFrom(code))
            .setGoodFrames(goodFrames)
            .setFirstSeen(firstSeen.toFrameTime())
            .setLastSeen(lastSeen.toFrameTime())
            .setBestFaceJpeg(ByteString.copyFrom(bestFaceJpeg))
            .setExpiresAtMs(expiresAtMs);
    return StateMessages.withVersion(VERSION, b.build().toByteArray());
  }

  /**
   * Reads a record back.
   *
   * @throws SerializationException for a record in the hand-written layout of the builds before the
   *     protobuf encoding (version 1): the matcher itself never reads these records (it deletes
   *     them by key when they expire), so such a record is refused rather than kept readable
   */
  public static UnknownTrack fromBytes(byte[] data) {
    if (data.length == 0) {
      throw new SerializationException("empty unknown-track record");
    }
    if (data[0] == HAND_WRITTEN_FORMAT) {
      throw new SerializationException(
          "unknown-track record in the layout of builds before the protobuf state encoding (version"
              + " 1): it is not read; the matcher deletes it when it expires");
    }
    if (data[0] != VERSION) {
      throw new SerializationException(
          "unknown-track record has format version "
              + data[0]
              + ", this build reads "
              + VERSION
              + ": run the matcher version that wrote it");
    }
    UnknownTrackRecord r;
    try {
      r = UnknownTrackRecord.parser().parseFrom(data, 1, data.length - 1);
    } catch (InvalidProtocolBufferException e) {
      throw new SerializationException("corrupt unknown-track record: " + e.getMessage(), e);
    }
    return new UnknownTrack(
        r.getTrackId(),
        r.getStreamId(),
        r.getModelId(),
        r.getCode().toByteArray(),
        r.getGoodFrames(),
        Moment.of(r.getFirstSeen()),
        Moment.of(r.getLastSeen()),
        r.getBestFaceJpeg().toByteArray(),
        r.getExpiresAtMs());
  }

  /** Never prints the code or the thumbnail: both are face data. */
  @Override
  public String toString() {
    return "UnknownTrack[" + trackId + ", expires " + expiresAtMs + "]";
  }
}
