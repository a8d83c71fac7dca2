package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference library (face-api.js 1.7.15, SSD MobileNetV1, TensorFlow.js wasm) through its peer
 * harness: {@code node detect-all.mjs FILE...} in the peer's folder prints, per file, every face at
 * minConfidence 0.3 as {@code score@x,y wxh}. Higher thresholds are the same detections filtered
 * (its non-maximum suppression only ever removes a box for a better one).
 */
final class ReferenceFrameDetector implements FrameDetector {
  private static final Pattern FACE =
      Pattern.compile("(\\d+\\.\\d+)@(-?\\d+),(-?\\d+) (\\d+)x(\\d+)");
  private static final int FILES_PER_CALL = 100;

  private final Path peerDir;

  ReferenceFrameDetector(Path peerDir) {
    if (!Files.isRegularFile(peerDir.resolve("detect-all.mjs"))
        || !Files.isDirectory(peerDir.resolve("node_modules"))) {
      throw new IllegalArgumentException(
          "--reference "
              + peerDir
              + " must be the face-api peer folder with detect-all.mjs and its node_modules"
              + " (run `npm ci` there once)");
    }
    this.peerDir = peerDir;
  }

  @Override
  public String name() {
    return "reference";
  }

  @Override
  public List<List<Detection>> detect(List<Path> jpegs) {
    Map<String, List<Detection>> byName = new HashMap<>();
    for (int start = 0; start < jpegs.size(); start += FILES_PER_CALL) {
      run(jpegs.subList(start, Math.min(jpegs.size(), start + FILES_PER_CALL)), byName);
    }
    List<List<Detection>> out = new ArrayList<>();
    for (Path p : jpegs) {
      List<Detection> d = byName.get(p.getFileName().toString());
      if (d == null) {
        throw new IllegalStateException("the reference printed nothing for " + p);
      }
      out.add(d);
    }
    return out;
  }

  private void run(List<Path> files, Map<String, List<Detection>> byName) {
    List<String> cmd = new ArrayList<>(List.of("node", "detect-all.mjs"));
    files.forEach(f -> cmd.add(f.toAbsolutePath().toString()));
    try {
      Process p =
          new ProcessBuilder(cmd)
              .directory(peerDir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          parseLine(line, byName);
        }
      }
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("the reference harness failed (node detect-all.mjs)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run node in " + peerDir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the reference ran", e);
    }
  }

  /** {@code NAME score@x,y wxh score@x,y wxh ...}. */
  static void parseLine(String line, Map<String, List<Detection>> byName) {
    int space = line.indexOf(' ');
    String name = space < 0 ? line.strip() : line.substring(0, space);
    if (name.isEmpty()) {
      return;
    }
    List<Detection> faces = new ArrayList<>();
    Matcher m = FACE.matcher(space < 0 ? "" : line.substring(space));
    while (m.find()) {
      faces.add(
          new Detection(
              new FaceBox(
                  Float.parseFloat(m.group(2)),
                  Float.parseFloat(m.group(3)),
                  Float.parseFloat(m.group(4)),
                  Float.parseFloat(m.group(5))),
              Float.parseFloat(m.group(1))));
    }
    byName.put(name, faces);
  }
}
