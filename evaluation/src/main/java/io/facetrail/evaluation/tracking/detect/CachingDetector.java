package io.facetrail.evaluation.tracking.detect;

import io.facetrail.faces.quality.FaceMeasures;
import io.facetrail.tracker.box.BoundingBox;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Remembers a detector's results on disk, keyed by a SHA-256 of the frame's pixels and the
 * detector's description, so re-running an evaluation (e.g. with other tracker settings) skips the
 * face models. Any change to the frame or to the detector's settings gives a new key.
 */
public final class CachingDetector implements FrameFaceDetector {
  private static final int CODE_BYTES = 128;

  /**
   * First int of an entry that also holds each face's measures. Entries written before measures
   * were kept start with their face count instead, which is never negative, so both stay readable
   * (the older ones without measures).
   */
  private static final int WITH_MEASURES = -2;

  private final FrameFaceDetector detector;
  private final Path dir;
  private final byte[] salt;
  private long hits;
  private long misses;

  public CachingDetector(FrameFaceDetector detector, Path dir) {
    this.detector = detector;
    this.dir = dir;
    this.salt = detector.description().getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the detection cache " + dir, e);
    }
  }

  @Override
  public List<DetectedFace> detect(BufferedImage frame) {
    Path file = dir.resolve(key(frame) + ".faces");
    if (Files.isRegularFile(file)) {
      hits++;
      return read(file);
    }
    misses++;
    List<DetectedFace> faces = detector.detect(frame);
    write(file, faces);
    return faces;
  }

  /** Frames answered from the cache. */
  public long hits() {
    return hits;
  }

  /** Frames that ran the detector. */
  public long misses() {
    return misses;
  }

  @Override
  public String description() {
    return detector.description();
  }

  @Override
  public void close() {
    detector.close();
  }

  private String key(BufferedImage frame) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      int w = frame.getWidth();
      int h = frame.getHeight();
      sha.update(ByteBuffer.allocate(8).putInt(w).putInt(h).array());
      int[] row = new int[w];
      ByteBuffer bytes = ByteBuffer.allocate(4 * w);
      for (int y = 0; y < h; y++) {
        frame.getRGB(0, y, w, 1, row, 0, w);
        bytes.clear();
        bytes.asIntBuffer().put(row);
        sha.update(bytes.array());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static List<DetectedFace> read(Path file) {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      int first = in.readInt();
      boolean withMeasures = first == WITH_MEASURES;
      int n = withMeasures ? in.readInt() : first;
      List<DetectedFace> faces = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        BoundingBox box =
            new BoundingBox(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        float score = in.readFloat();
        float quality = in.readFloat();
        byte[] code = in.readNBytes(CODE_BYTES);
        FaceMeasures measures = null;
        if (withMeasures && in.readBoolean()) {
          measures =
              new FaceMeasures(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        }
        faces.add(new DetectedFace(box, score, quality, code, measures));
      }
      return faces;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cached detections " + file, e);
    }
  }

  private static void write(Path file, List<DetectedFace> faces) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(tmp))) {
      out.writeInt(WITH_MEASURES);
      out.writeInt(faces.size());
      for (DetectedFace f : faces) {
        out.writeDouble(f.box().x());
        out.writeDouble(f.box().y());
        out.writeDouble(f.box().width());
        out.writeDouble(f.box().height());
        out.writeFloat(f.score());
        out.writeFloat(f.quality());
        out.write(f.code());
        FaceMeasures m = f.measures();
        out.writeBoolean(m != null);
        if (m != null) {
          out.writeDouble(m.heightPx());
          out.writeDouble(m.sharpness());
          out.writeDouble(m.brightness());
          out.writeDouble(m.yawDegrees());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write cached detections " + file, e);
    }
    try {
      // Atomic rename: an interrupted run never leaves a truncated entry behind.
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store cached detections " + file, e);
    }
  }
}
