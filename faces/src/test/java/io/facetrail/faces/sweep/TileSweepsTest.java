package io.facetrail.faces.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.detect.ScanningDetector;
import io.facetrail.faces.image.RgbImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TileSweepsTest {
  private static final ScanSettings SCAN = new ScanSettings(0.3f, 32, 0f, true);
  private static final RgbImage BLACK = BrightSquareDetector.frame(1920, 1080);

  private final BrightSquareDetector fake = new BrightSquareDetector(512);
  private final ScanningDetector detector = new ScanningDetector(fake);
  private final AtomicLong clock = new AtomicLong();
  private final TileSweeps sweeps = new TileSweeps(2, clock::get);

  private List<Detection> detect(RgbImage image, FrameKey key) {
    return sweeps.detect(detector, SCAN, List.of(image), List.of(key)).get(0);
  }

  /** Network inputs of one frame's scan. */
  private int inputsOf(RgbImage image, FrameKey key) {
    int before = fake.inputs.size();
    detect(image, key);
    return fake.inputs.size() - before;
  }

  private static FrameKey key(String stream, long sequence) {
    return new FrameKey(stream, sequence, FrameKey.NO_SHOT);
  }

  @Test
  void theFirstFrameScansEveryTileAndTheNextOnesTwo() {
    assertThat(inputsOf(BLACK, key("a", 0))).isEqualTo(9);
    for (int s = 1; s <= 5; s++) {
      assertThat(inputsOf(BLACK, key("a", s))).isEqualTo(3);
    }
  }

  @Test
  void theWholeFramePassAloneMissesA40PixelFaceInA1080pFrame() {
    TileSweeps wholeOnly = new TileSweeps(2, clock::get);
    ScanSettings noTiles = new ScanSettings(0.3f, 32, 0f, false);
    RgbImage face = BrightSquareDetector.frame(1920, 1080, new int[] {1700, 900, 40});
    assertThat(wholeOnly.detect(detector, noTiles, List.of(face), List.of(key("a", 0))).get(0))
        .isEmpty();
  }

  @Test
  void aSmallFaceOnceFoundIsFoundOnEveryFrameThroughItsWindow() {
    int mosaics = 0;
    for (int s = 0; s < 9; s++) {
      int x = 1600 + 10 * s; // walking right, 10 px a frame
      RgbImage frame = BrightSquareDetector.frame(1920, 1080, new int[] {x, 900, 40});
      int before = fake.inputs.size();
      List<Detection> found = detect(frame, key("a", s));
      assertThat(found).extracting(Detection::box).containsExactly(new FaceBox(x, 900, 40, 40));
      mosaics +=
          (int)
              fake.inputs.subList(before, fake.inputs.size()).stream()
                  .filter(in -> in[0] == 684 && in[1] == 342)
                  .count();
    }
    // Tiles 6 and 7 (which hold the face) come round once in frames 1-8: the other six frames
    // find it in a window (half a tile, 342 px), one mosaic of one row each.
    assertThat(mosaics).isEqualTo(6);
  }

  @Test
  void aSmallFaceThatAppearsIsFoundWithinFourFramesAndKept() {
    detect(BLACK, key("a", 0));
    RgbImage face = BrightSquareDetector.frame(1920, 1080, new int[] {1700, 900, 40});
    int first = -1;
    for (int s = 1; s <= 8; s++) {
      boolean found = !detect(face, key("a", s)).isEmpty();
      if (found && first < 0) {
        first = s;
      }
      if (first >= 0) {
        assertThat(found).as("frame %d", s).isTrue();
      }
    }
    assertThat(first).isBetween(1, 4);
  }

  @Test
  void aGapAShotChangeOrAFrameSeenAgainStartsTheStreamAfresh() {
    assertThat(inputsOf(BLACK, key("a", 0))).isEqualTo(9);
    assertThat(inputsOf(BLACK, key("a", 1))).isEqualTo(3);
    assertThat(inputsOf(BLACK, key("a", 3))).as("gap").isEqualTo(9);
    assertThat(inputsOf(BLACK, key("a", 4))).isEqualTo(3);
    assertThat(inputsOf(BLACK, key("a", 4))).as("seen again").isEqualTo(9);
    assertThat(inputsOf(BLACK, new FrameKey("b", 0, 0))).isEqualTo(9);
    assertThat(inputsOf(BLACK, new FrameKey("b", 1, 0))).isEqualTo(3);
    assertThat(inputsOf(BLACK, new FrameKey("b", 2, 1))).as("new shot").isEqualTo(9);
    assertThat(inputsOf(BLACK, new FrameKey("b", 3, 1))).isEqualTo(3);
    RgbImage smaller = BrightSquareDetector.frame(1600, 900);
    assertThat(inputsOf(smaller, new FrameKey("b", 4, 1))).as("new frame size").isGreaterThan(3);
  }

  @Test
  void streamsIdleForAMinuteAreForgotten() {
    detect(BLACK, key("a", 0));
    detect(BLACK, key("b", 0));
    assertThat(sweeps.streamCount()).isEqualTo(2);
    clock.addAndGet(TileSweeps.IDLE.plus(Duration.ofSeconds(1)).toNanos());
    detect(BLACK, key("b", 1));
    assertThat(sweeps.streamCount()).isEqualTo(1);
    assertThat(inputsOf(BLACK, key("a", 1))).isEqualTo(9);
  }

  @Test
  void atMostMaxStreamsAreKept() {
    RgbImage tiny = BrightSquareDetector.frame(64, 48);
    for (int i = 0; i <= TileSweeps.MAX_STREAMS; i++) {
      detect(tiny, key("s" + i, 0));
    }
    assertThat(sweeps.streamCount()).isEqualTo(TileSweeps.MAX_STREAMS);
  }

  @Test
  void howFramesAreBatchedDoesNotChangeWhatIsFound() {
    List<RgbImage> images = new ArrayList<>();
    List<FrameKey> keys = new ArrayList<>();
    for (int s = 0; s < 6; s++) {
      images.add(BrightSquareDetector.frame(1920, 1080, new int[] {300 + 20 * s, 800, 36}));
      keys.add(key("a", s));
      images.add(
          BrightSquareDetector.frame(
              1920, 1080, new int[] {1500, 100 + 15 * s, 44}, new int[] {900, 500, 150}));
      keys.add(key("b", s));
    }
    List<List<Detection>> oneBatch =
        new TileSweeps(2, clock::get).detect(detector, SCAN, images, keys);
    TileSweeps single = new TileSweeps(2, clock::get);
    List<List<Detection>> oneByOne = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      oneByOne.add(
          single.detect(detector, SCAN, List.of(images.get(i)), List.of(keys.get(i))).get(0));
    }
    assertThat(oneBatch).isEqualTo(oneByOne);
    assertThat(oneBatch).allSatisfy(found -> assertThat(found).isNotEmpty());
  }
}
