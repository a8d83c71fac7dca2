package io.facetrail.ingest.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.ingest.testing.GeneratedVideo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegEncoderTest {
  @TempDir Path dir;

  private List<EncodedImage> encodeFirstFrame(int quality, int maxSide) throws Exception {
    Path video = GeneratedVideo.write(dir.resolve("v.mp4"), "mp4", 3, 25, 320, 240, 12);
    List<EncodedImage> out = new ArrayList<>();
    try (VideoInput in = VideoInput.open(OpenRequest.file(video.toString(), 1), new DecodeStats());
        JpegEncoder encoder = new JpegEncoder(quality, maxSide)) {
      while (out.isEmpty() && in.readNext((f, t, k) -> out.add(encoder.encode(f)))) {
        // until the first frame
      }
    }
    return out;
  }

  @Test
  void encodesAFrameThatStandardDecodersReadWithTheRightColours() throws Exception {
    EncodedImage jpeg = encodeFirstFrame(90, 0).get(0);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg.jpeg()));
    BufferedImage expected = GeneratedVideo.picture(0, 320, 240);

    assertThat(img.getWidth()).isEqualTo(320);
    assertThat(img.getHeight()).isEqualTo(240);
    // Full-range output: a mid-image pixel matches the drawn one after two lossy codecs.
    int x = 200;
    int y = 200;
    int got = img.getRGB(x, y);
    int want = expected.getRGB(x, y);
    for (int shift : new int[] {16, 8, 0}) {
      assertThat(Math.abs(((got >> shift) & 0xff) - ((want >> shift) & 0xff))).isLessThan(24);
    }
  }

  @Test
  void qualityFollowsTheLibjpegScaleAndDownscalingKeepsTheAspect() throws Exception {
    int high = encodeFirstFrame(95, 0).get(0).jpeg().length;
    int low = encodeFirstFrame(30, 0).get(0).jpeg().length;
    EncodedImage small = encodeFirstFrame(85, 100).get(0);

    assertThat(high).isGreaterThan(low * 14 / 10);
    assertThat(small.width()).isEqualTo(100);
    assertThat(small.height()).isEqualTo(74);
  }

  @Test
  void targetSizeRoundsToEvenSides() {
    assertThat(JpegEncoder.targetSize(1920, 1080, 1280)).containsExactly(1280, 720);
    assertThat(JpegEncoder.targetSize(640, 480, 0)).containsExactly(640, 480);
    assertThat(JpegEncoder.targetSize(1080, 1920, 641)).containsExactly(360, 640);
    assertThatThrownBy(() -> new JpegEncoder(101, 0)).hasMessageContaining("101");
  }
}
