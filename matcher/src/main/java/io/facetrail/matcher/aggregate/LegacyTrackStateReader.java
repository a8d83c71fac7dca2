package io.facetrail.matcher.aggregate;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.identity.Moment;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads track state in the hand-written layouts of the builds before the protobuf encoding (format
 * bytes 1 to 3), so that state in a changelog written by such a build is read once and then
 * rewritten in the current encoding ({@link TrackStateCodec}). Format 2 appended the operating
 * point of the latest evaluation; format 3 the part, the last agreeing sighting and the dissenting
 * faces. Nothing writes these layouts any more, and the matcher's first sweep after start-up
 * rewrites whatever state it finds in them: once every deployment has run a build with the protobuf
 * encoding, this class can go.
 */
final class LegacyTrackStateReader {
  static final byte FORMAT_WITHOUT_OPERATING_POINT = 1;
  static final byte FORMAT_WITHOUT_PARTS = 2;
  static final byte LAST_FORMAT = 3;

  private LegacyTrackStateReader() {}

  static boolean reads(byte format) {
    return format >= FORMAT_WITHOUT_OPERATING_POINT && format <= LAST_FORMAT;
  }

  static TrackState read(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte format = in.readByte();
      String trackId = in.readUTF();
      String streamId = in.readUTF();
      String modelId = in.readUTF();
      int labelCount = in.readInt();
      Map<String, String> labels = new LinkedHashMap<>();
      for (int i = 0; i < labelCount; i++) {
        labels.put(in.readUTF(), in.readUTF());
      }
      TrackState s = new TrackState(trackId, streamId, readMean(in));
      s.modelId = modelId;
      s.labels = labels;
      s.observations = in.readLong();
      s.firstSeen = readSeen(in);
      s.lastSeen = readSeen(in);
      s.personId = readNullable(in);
      s.candidateId = readNullable(in);
      s.candidateStreak = in.readInt();
      s.changes = in.readInt();
      s.lastDistance = in.readDouble();
      s.lastSecondDistance = in.readDouble();
      s.lastThreshold = in.readDouble();
      s.pending = in.readBoolean();
      s.ended = in.readBoolean();
      s.unevaluated = in.readInt();
      s.lastActivityMs = in.readLong();
      if (format >= FORMAT_WITHOUT_PARTS) {
        s.lastFalseAcceptRate = in.readDouble();
        s.lastFpir = in.readDouble();
        s.lastGallerySize = in.readInt();
      }
      if (format >= LAST_FORMAT) {
        s.segment = in.readInt();
        s.lastAgreeing = readSeen(in);
        s.dissent = readMean(in);
        s.dissentFrom = readSeen(in);
      } else {
        s.lastAgreeing = s.lastSeen;
      }
      return s;
    } catch (IOException e) {
      throw new SerializationException("corrupt track state: " + e.getMessage(), e);
    }
  }

  private static EmbeddingMean readMean(DataInputStream in) throws IOException {
    float[] sum = new float[FaceCode.DIMENSIONS];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = in.readFloat();
    }
    double weight = in.readDouble();
    return new EmbeddingMean(sum, weight, in.readInt());
  }

  private static Moment readSeen(DataInputStream in) throws IOException {
    return in.readBoolean() ? new Moment(in.readLong(), in.readLong(), in.readLong()) : null;
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
