package io.facetrail.matcher.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Face codes already computed for an evaluation, one line per image ({@code key TAB base64 code},
 * or {@code key TAB -} for an image without a face), appended as they are computed, so an
 * interrupted run resumes. Holds face data: keep it out of the repository.
 */
final class CodeCache implements AutoCloseable {
  private static final String NO_FACE = "-";
  private final Map<String, Optional<byte[]>> codes = new HashMap<>();
  private final BufferedWriter out;

  CodeCache(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] parts = line.split("\t");
          if (parts.length == 2) { // A line cut short by a crash is ignored.
            codes.put(
                parts[0],
                parts[1].equals(NO_FACE)
                    ? Optional.empty()
                    : Optional.of(Base64.getDecoder().decode(parts[1])));
          }
        }
      }
      out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the code cache " + file, e);
    }
  }

  boolean contains(String key) {
    return codes.containsKey(key);
  }

  Optional<byte[]> get(String key) {
    return codes.getOrDefault(key, Optional.empty());
  }

  void put(String key, Optional<byte[]> code) {
    codes.put(key, code);
    try {
      out.write(key + "\t" + code.map(c -> Base64.getEncoder().encodeToString(c)).orElse(NO_FACE));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the code cache", e);
    }
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
