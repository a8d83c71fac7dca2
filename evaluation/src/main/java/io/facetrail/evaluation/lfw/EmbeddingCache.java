package io.facetrail.evaluation.lfw;

import io.facetrail.faces.align.FaceAligner;
import io.facetrail.faces.detect.SubjectLocator;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An append-only file of named float vectors, so an interrupted or repeated evaluation recomputes
 * nothing already computed. The file name carries every setting that changes the vectors; a record
 * cut short by a crash is ignored on load.
 */
final class EmbeddingCache implements AutoCloseable {
  private final Path file;
  private final Map<String, float[]> values = new HashMap<>();
  private final DataOutputStream out;

  /**
   * The cache file of one pipeline's embeddings: its name carries every setting that changes them
   * (model, detector, detection threshold and padding, smallest face, subject search, chip
   * revision), so {@code eval lfw} and {@code eval calibrate} share it where they agree.
   *
   * @param cacheDir the folder, or null for {@code ~/.cache/facetrail/lfw}
   */
  static Path file(Path cacheDir, FacePipelineSettings s, String modelId) {
    Path dir =
        cacheDir != null
            ? cacheDir
            : Path.of(System.getProperty("user.home"), ".cache", "facetrail", "lfw");
    String name =
        String.format(
            Locale.ROOT,
            "%s-%s-s%s-p%s-m%d-c%s-r%d.emb",
            modelId,
            s.detector(),
            s.minScore(),
            s.canvasPadding(),
            s.minFaceSize(),
            SubjectLocator.MAX_OFFSET,
            FaceAligner.CHIP_REVISION);
    return dir.resolve(name);
  }

  /**
   * @param readOnly read what is there (another run may be appending) and never write
   */
  EmbeddingCache(Path file, boolean readOnly) {
    this.file = file;
    if (readOnly) {
      try {
        load();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read embedding cache " + file, e);
      }
      out = null;
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      long valid = load();
      if (Files.exists(file) && Files.size(file) != valid) {
        // Drop a half-written last record so appends stay readable.
        try (var ch = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
          ch.truncate(valid);
        }
      }
      out =
          new DataOutputStream(
              new BufferedOutputStream(
                  Files.newOutputStream(
                      file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open embedding cache " + file, e);
    }
  }

  private long load() throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    long valid = 0;
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      while (true) {
        String key = in.readUTF();
        int n = in.readInt();
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = in.readFloat();
        }
        values.put(key, v);
        valid += 2 + key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 4 + 4L * n;
      }
    } catch (EOFException e) {
      return valid;
    }
  }

  float[] get(String key) {
    return values.get(key);
  }

  boolean contains(String key) {
    return values.containsKey(key);
  }

  void put(String key, float[] v) {
    if (out == null) {
      throw new IllegalStateException("embedding cache " + file + " is open read-only");
    }
    values.put(key, v);
    try {
      out.writeUTF(key);
      out.writeInt(v.length);
      for (float x : v) {
        out.writeFloat(x);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write embedding cache " + file, e);
    }
  }

  void flush() {
    if (out == null) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write embedding cache " + file, e);
    }
  }

  boolean readOnly() {
    return out == null;
  }

  Path file() {
    return file;
  }

  @Override
  public void close() {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close embedding cache " + file, e);
    }
  }
}
