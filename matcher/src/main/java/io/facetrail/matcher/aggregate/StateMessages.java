package io.facetrail.matcher.aggregate;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.matcher.aggregate.proto.EmbeddingSumRecord;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Conversions between the aggregate's values and their state-store messages ({@code
 * facetrail/matcher/v1/state.proto}), and the version byte that leads every stored value, shared by
 * {@link TrackStateCodec} and {@link UnknownTrack}.
 */
final class StateMessages {
  private StateMessages() {}

  /** Sets {@code field} when {@code s} is present: an absent sighting stays absent. */
  static void setIfPresent(Moment s, Consumer<FrameTime> field) {
    if (s != null) {
      field.accept(s.toFrameTime());
    }
  }

  /** The sighting, or null when the message does not hold it. */
  static Moment momentOrNull(boolean present, FrameTime t) {
    return present ? Moment.of(t) : null;
  }

  static EmbeddingSumRecord sum(EmbeddingMean mean) {
    EmbeddingSumRecord.Builder b =
        EmbeddingSumRecord.newBuilder().setWeight(mean.weight()).setCount(mean.count());
    for (float f : mean.rawSum()) {
      b.addSum(f);
    }
    return b.build();
  }

  static EmbeddingMean mean(EmbeddingSumRecord r, String what) {
    float[] sum = new float[r.getSumCount()];
    if (sum.length != FaceCode.DIMENSIONS) {
      throw new SerializationException(
          what
              + " holds an embedding sum of "
              + sum.length
              + " values, not "
              + FaceCode.DIMENSIONS);
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] = r.getSum(i);
    }
    return new EmbeddingMean(sum, r.getWeight(), r.getCount());
  }

  /** One version byte, then the message. */
  static byte[] withVersion(byte version, byte[] message) {
    byte[] out = new byte[message.length + 1];
    out[0] = version;
    System.arraycopy(message, 0, out, 1, message.length);
    return out;
  }
}
