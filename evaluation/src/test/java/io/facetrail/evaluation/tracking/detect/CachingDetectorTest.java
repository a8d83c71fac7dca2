package io.facetrail.evaluation.tracking.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.quality.FaceMeasures;
import io.facetrail.tracker.box.BoundingBox;
import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingDetectorTest {
  @TempDir Path dir;

  /** Answers every frame with one fixed face and counts the calls. */
  private static final class CountingFakeDetector implements FrameFaceDetector {
    int calls;
    final String settings;
    final FaceMeasures measures;

    CountingFakeDetector(String settings) {
      this(settings, null);
    }

    CountingFakeDetector(String settings, FaceMeasures measures) {
      this.settings = settings;
      this.measures = measures;
    }

    @Override
    public List<DetectedFace> detect(BufferedImage frame) {
      calls++;
      byte[] code = new byte[128];
      code[3] = 42;
      return List.of(new DetectedFace(new BoundingBox(1.5, 2, 30, 40), 0.8f, 0.6f, code, measures));
    }

    @Override
    public String description() {
      return settings;
    }

    @Override
    public void close() {}
  }

  @Test
  void answersARepeatedFrameFromDiskAndKeysOnPixelsAndSettings() {
    CountingFakeDetector fake = new CountingFakeDetector("a");
    CachingDetector cache = new CachingDetector(fake, dir);
    BufferedImage frame = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    List<DetectedFace> first = cache.detect(frame);
    List<DetectedFace> again =
        new CachingDetector(new CountingFakeDetector("a"), dir).detect(frame);
    assertThat(fake.calls).isEqualTo(1);
    assertThat(again)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.box()).isEqualTo(first.get(0).box());
              assertThat(f.score()).isEqualTo(0.8f);
              assertThat(f.code()).isEqualTo(first.get(0).code());
            });

    frame.setRGB(10, 10, 0xffffff);
    cache.detect(frame);
    assertThat(fake.calls).as("changed pixels").isEqualTo(2);
    CountingFakeDetector other = new CountingFakeDetector("b");
    new CachingDetector(other, dir).detect(frame);
    assertThat(other.calls).as("other settings").isEqualTo(1);
  }

  @Test
  void keepsTheMeasuresAndStillReadsEntriesWrittenWithout() throws IOException {
    FaceMeasures measures = new FaceMeasures(96.5, 0.42, 131.0, 12.5);
    BufferedImage frame = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    new CachingDetector(new CountingFakeDetector("m", measures), dir).detect(frame);
    CountingFakeDetector again = new CountingFakeDetector("m");
    assertThat(new CachingDetector(again, dir).detect(frame))
        .singleElement()
        .satisfies(f -> assertThat(f.measures()).isEqualTo(measures));
    assertThat(again.calls).isZero();

    // An entry in the layout before measures: face count first, no measures after the code.
    try (var files = Files.list(dir)) {
      Path entry = files.filter(p -> p.toString().endsWith(".faces")).findFirst().orElseThrow();
      try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(entry))) {
        out.writeInt(1);
        for (double v : new double[] {1, 2, 30, 40}) {
          out.writeDouble(v);
        }
        out.writeFloat(0.7f);
        out.writeFloat(0.5f);
        out.write(new byte[128]);
      }
    }
    assertThat(new CachingDetector(again, dir).detect(frame))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.score()).isEqualTo(0.7f);
              assertThat(f.measures()).isNull();
            });
    assertThat(again.calls).isZero();
  }
}
