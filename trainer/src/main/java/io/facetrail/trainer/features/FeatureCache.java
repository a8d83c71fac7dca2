package io.facetrail.trainer.features;

import io.facetrail.trainer.store.RecordLog;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An append-only file of trunk features keyed by photo and variant, so an interrupted computation
 * resumes where it stopped. The file name carries every setting that changes a feature; a record
 * cut short by a crash is dropped on open. Not thread-safe.
 */
public final class FeatureCache implements AutoCloseable {
  private static final int MAGIC = 0x46454154; // "FEAT"

  private final Map<String, float[][]> features = new HashMap<>();
  private final int variants;
  private final RecordLog log;

  private FeatureCache(Path file, int variants) {
    this.variants = variants;
    this.log = RecordLog.open(file, MAGIC, "feature cache", this::read);
  }

  /** Opens (creating if needed) a cache holding up to {@code variants} variants per photo. */
  public static FeatureCache open(Path file, int variants) {
    return new FeatureCache(file, variants);
  }

  private void read(DataInputStream in) throws IOException {
    String photo = in.readUTF();
    int variant = in.readByte();
    int length = in.readInt();
    byte[] raw = new byte[length * 4];
    in.readFully(raw);
    float[] values = new float[length];
    ByteBuffer.wrap(raw).asFloatBuffer().get(values);
    if (variant < variants) {
      features.computeIfAbsent(photo, p -> new float[variants][])[variant] = values;
    }
  }

  /** The feature of one variant of a photo, or null when not computed yet. */
  public float[] get(String photo, int variant) {
    float[][] v = features.get(photo);
    return v == null ? null : v[variant];
  }

  /** Stores a feature (written through to the file; {@link #flush()} makes it durable). */
  public void put(String photo, int variant, float[] values) {
    features.computeIfAbsent(photo, p -> new float[variants][])[variant] = values;
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4);
    raw.asFloatBuffer().put(values);
    log.append(
        out -> {
          out.writeUTF(photo);
          out.writeByte(variant);
          out.writeInt(values.length);
          out.write(raw.array());
        });
  }

  public void flush() {
    log.flush();
  }

  public Path file() {
    return log.file();
  }

  @Override
  public void close() {
    log.close();
  }
}
