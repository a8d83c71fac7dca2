package io.facetrail.evaluation.identification;

import io.facetrail.contracts.code.FaceCode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Faces already computed for an evaluation, one line per image ({@code key TAB base64 code TAB
 * quality TAB base64 float embedding}, or {@code key TAB -} for an image without a face), appended
 * as they are computed, so an interrupted run resumes. The quality and the float embedding are kept
 * because the matcher's track aggregate weights by the one and averages the other. Lines of the
 * older two-column layout (code only) are recomputed. Holds face data: keep it out of the
 * repository.
 */
final class CodeCache implements AutoCloseable {
  private static final String NO_FACE = "-";
  private final Map<String, Optional<CachedFace>> faces = new HashMap<>();
  private final BufferedWriter out;

  CodeCache(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          parse(line);
        }
      }
      out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the code cache " + file, e);
    }
  }

  private void parse(String line) {
    String[] parts = line.split("\t");
    if (parts.length == 2 && parts[1].equals(NO_FACE)) {
      faces.put(parts[0], Optional.empty());
    } else if (parts.length == 4) {
      byte[] code = Base64.getDecoder().decode(parts[1]);
      float[] embedding = new float[FaceCode.DIMENSIONS];
      ByteBuffer.wrap(Base64.getDecoder().decode(parts[3]))
          .order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer()
          .get(embedding);
      faces.put(parts[0], Optional.of(new CachedFace(code, Float.parseFloat(parts[2]), embedding)));
    }
    // Anything else is a line cut short by a crash, or the older layout: computed again.
  }

  boolean contains(String key) {
    return faces.containsKey(key);
  }

  Optional<CachedFace> get(String key) {
    return faces.getOrDefault(key, Optional.empty());
  }

  void put(String key, Optional<CachedFace> face) {
    faces.put(key, face);
    try {
      out.write(key + "\t" + face.map(CodeCache::format).orElse(NO_FACE));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the code cache", e);
    }
  }

  private static String format(CachedFace f) {
    ByteBuffer floats =
        ByteBuffer.allocate(4 * f.embedding().length).order(ByteOrder.LITTLE_ENDIAN);
    floats.asFloatBuffer().put(f.embedding());
    Base64.Encoder b64 = Base64.getEncoder();
    return b64.encodeToString(f.code())
        + "\t"
        + String.format(Locale.ROOT, "%.6f", f.quality())
        + "\t"
        + b64.encodeToString(floats.array());
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the code cache", e);
    }
  }
}
