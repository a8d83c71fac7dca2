package io.facetrail.evaluation.tracking.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.tracker.box.BoundingBox;
import java.awt.image.BufferedImage;
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

    CountingFakeDetector(String settings) {
      this.settings = settings;
    }

    @Override
    public List<DetectedFace> detect(BufferedImage frame) {
      calls++;
      byte[] code = new byte[128];
      code[3] = 42;
      return List.of(new DetectedFace(new BoundingBox(1.5, 2, 30, 40), 0.8f, 0.6f, code));
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
}
