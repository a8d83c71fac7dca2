package io.facetrail.matcher.aggregate;

import io.facetrail.contracts.code.FaceCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary form of {@link TrackState} in the matcher's state store and its changelog topic. A format
 * byte leads, so a future layout can read old state after an upgrade: format 2 appended the
 * operating point of the latest evaluation (FAR, FPIR, gallery size); format 3 the part (segment),
 * the last agreeing sighting and the dissenting faces; format 4 the observations that did not
 * count, by problem. Older state reads with none of them.
 */
public final class TrackStateCodec
    implements Serde<TrackState>, Serializer<TrackState>, Deserializer<TrackState> {
  private static final byte FORMAT = 4;
  private static final byte FORMAT_WITHOUT_UNUSED = 3;
  private static final byte FORMAT_WITHOUT_PARTS = 2;
  private static final byte FORMAT_WITHOUT_OPERATING_POINT = 1;

  @Override
  public byte[] serialize(String topic, TrackState s) {
    if (s == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(800);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(s.trackId);
      out.writeUTF(s.streamId);
      out.writeUTF(s.modelId);
      out.writeInt(s.labels.size());
      for (var e : s.labels.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      for (float f : s.mean.rawSum()) {
        out.writeFloat(f);
      }
      out.writeDouble(s.mean.weight());
      out.writeInt(s.mean.count());
      out.writeLong(s.observations);
      writeSeen(out, s.firstSeen);
      writeSeen(out, s.lastSeen);
      writeNullable(out, s.personId);
      writeNullable(out, s.candidateId);
      out.writeInt(s.candidateStreak);
      out.writeInt(s.changes);
      out.writeDouble(s.lastDistance);
      out.writeDouble(s.lastSecondDistance);
      out.writeDouble(s.lastThreshold);
      out.writeBoolean(s.pending);
      out.writeBoolean(s.ended);
      out.writeInt(s.unevaluated);
      out.writeLong(s.lastActivityMs);
      out.writeDouble(s.lastFalseAcceptRate);
      out.writeDouble(s.lastFpir);
      out.writeInt(s.lastGallerySize);
      out.writeInt(s.segment);
      writeSeen(out, s.lastAgreeing);
      for (float f : s.dissent.rawSum()) {
        out.writeFloat(f);
      }
      out.writeDouble(s.dissent.weight());
      out.writeInt(s.dissent.count());
      writeSeen(out, s.dissentFrom);
      out.writeInt(s.unused.length);
      for (long n : s.unused) {
        out.writeLong(n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  @Override
  public TrackState deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte format = in.readByte();
      if (format != FORMAT
          && format != FORMAT_WITHOUT_UNUSED
          && format != FORMAT_WITHOUT_PARTS
          && format != FORMAT_WITHOUT_OPERATING_POINT) {
        throw new SerializationException("unknown track state format " + format);
      }
      String trackId = in.readUTF();
      String streamId = in.readUTF();
      String modelId = in.readUTF();
      int labelCount = in.readInt();
      Map<String, String> labels = new LinkedHashMap<>();
      for (int i = 0; i < labelCount; i++) {
        labels.put(in.readUTF(), in.readUTF());
      }
      float[] sum = new float[FaceCode.DIMENSIONS];
      for (int i = 0; i < sum.length; i++) {
        sum[i] = in.readFloat();
      }
      double weight = in.readDouble();
      int count = in.readInt();
      TrackState s = new TrackState(trackId, streamId, new EmbeddingMean(sum, weight, count));
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
      if (format >= FORMAT_WITHOUT_UNUSED) {
        s.segment = in.readInt();
        s.lastAgreeing = readSeen(in);
        float[] dissent = new float[FaceCode.DIMENSIONS];
        for (int i = 0; i < dissent.length; i++) {
          dissent[i] = in.readFloat();
        }
        double dissentWeight = in.readDouble();
        s.dissent = new EmbeddingMean(dissent, dissentWeight, in.readInt());
        s.dissentFrom = readSeen(in);
      } else {
        s.lastAgreeing = s.lastSeen;
      }
      if (format >= FORMAT) {
        int n = in.readInt();
        // Problems added after this state was written read as 0; none is ever removed.
        for (int i = 0; i < n; i++) {
          long unusedCount = in.readLong();
          if (i < s.unused.length) {
            s.unused[i] = unusedCount;
          }
        }
      }
      return s;
    } catch (IOException e) {
      throw new SerializationException("corrupt track state: " + e.getMessage(), e);
    }
  }

  private static void writeSeen(DataOutputStream out, Seen s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeLong(s.sequence());
      out.writeLong(s.mediaTimeUs());
      out.writeLong(s.captureTimeMs());
    }
  }

  private static Seen readSeen(DataInputStream in) throws IOException {
    return in.readBoolean() ? new Seen(in.readLong(), in.readLong(), in.readLong()) : null;
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
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
