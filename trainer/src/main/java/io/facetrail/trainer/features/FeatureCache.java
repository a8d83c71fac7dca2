package io.facetrail.trainer.features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * An append-only file of trunk features keyed by photo and variant, so an interrupted computation
 * resumes where it stopped. The file name carries every setting that changes a feature; a record
 * cut short by a crash is dropped on open. Not thread-safe.
 */
public final class FeatureCache implements AutoCloseable {
  private static final int MAGIC = 0x46454154; // "FEAT"

  private final Path file;
  private final Map<String, float[][]> features = new HashMap<>();
  private final int variants;
  private final DataOutputStream out;

  private FeatureCache(Path file, int variants) throws IOException {
    this.file = file;
    this.variants = variants;
    Files.createDirectories(file.toAbsolutePath().getParent());
    long valid = load();
    if (Files.exists(file) && Files.size(file) != valid) {
      try (var ch = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
        ch.truncate(valid);
      }
    }
    out =
        new DataOutputStream(
            new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                1 << 20));
  }

  /** Opens (creating if needed) a cache holding up to {@code variants} variants per photo. */
  public static FeatureCache open(Path file, int variants) {
    try {
      return new FeatureCache(file, variants);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open feature cache " + file, e);
    }
  }

  private long load() throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    long valid = 0;
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      while (true) {
        if (in.readInt() != MAGIC) {
          throw new IOException("not a feature cache (bad record marker at byte " + valid + ")");
        }
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
        valid += 4 + 2 + photo.getBytes(StandardCharsets.UTF_8).length + 1 + 4 + raw.length;
      }
    } catch (EOFException e) {
      return valid;
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
    try {
      out.writeInt(MAGIC);
      out.writeUTF(photo);
      out.writeByte(variant);
      out.writeInt(values.length);
      out.write(raw.array());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write feature cache " + file, e);
    }
  }

  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write feature cache " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close feature cache " + file, e);
    }
  }
}
