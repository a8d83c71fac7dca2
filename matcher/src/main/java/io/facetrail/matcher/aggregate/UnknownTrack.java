package io.facetrail.matcher.aggregate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    Seen firstSeen,
    Seen lastSeen,
    byte[] bestFaceJpeg,
    long expiresAtMs) {

  private static final byte FORMAT = 1;

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

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + bestFaceJpeg.length);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(trackId);
      out.writeUTF(streamId);
      out.writeUTF(modelId);
      out.writeInt(code.length);
      out.write(code);
      out.writeInt(goodFrames);
      for (Seen s : new Seen[] {firstSeen, lastSeen}) {
        out.writeLong(s.sequence());
        out.writeLong(s.mediaTimeUs());
        out.writeLong(s.captureTimeMs());
      }
      out.writeInt(bestFaceJpeg.length);
      out.write(bestFaceJpeg);
      out.writeLong(expiresAtMs);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  public static UnknownTrack fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readByte() != FORMAT) {
        throw new SerializationException("unknown format of an unknown-track record");
      }
      String trackId = in.readUTF();
      String streamId = in.readUTF();
      String modelId = in.readUTF();
      byte[] code = in.readNBytes(in.readInt());
      int goodFrames = in.readInt();
      Seen first = new Seen(in.readLong(), in.readLong(), in.readLong());
      Seen last = new Seen(in.readLong(), in.readLong(), in.readLong());
      byte[] jpeg = in.readNBytes(in.readInt());
      return new UnknownTrack(
          trackId, streamId, modelId, code, goodFrames, first, last, jpeg, in.readLong());
    } catch (IOException e) {
      throw new SerializationException("corrupt unknown-track record: " + e.getMessage(), e);
    }
  }

  /** Never prints the code or the thumbnail: both are face data. */
  @Override
  public String toString() {
    return "UnknownTrack[" + trackId + ", expires " + expiresAtMs + "]";
  }
}
