package io.facetrail.evaluation.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceFrameDetectorTest {
  @Test
  void readsEveryFaceOfALineAndFilesWithoutFaces() {
    Map<String, List<Detection>> m = new HashMap<>();
    ReferenceFrameDetector.parseLine("frame-0001.jpg 0.93@12,-3 40x44  0.31@300,200 22x25", m);
    ReferenceFrameDetector.parseLine("frame-0002.jpg ", m);
    assertThat(m.get("frame-0001.jpg"))
        .containsExactly(
            new Detection(new FaceBox(12, -3, 40, 44), 0.93f),
            new Detection(new FaceBox(300, 200, 22, 25), 0.31f));
    assertThat(m.get("frame-0002.jpg")).isEmpty();
  }

  @Test
  void namesWhatIsMissingFromThePeerFolder(@TempDir Path dir) {
    assertThatThrownBy(() -> new ReferenceFrameDetector(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("detect-all.mjs")
        .hasMessageContaining("npm ci");
  }
}
