package io.facetrail.evaluation.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.image.RgbImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SequenceTallyTest {
  private static final FaceSample SAMPLE =
      new FaceSample("x.jpg", new RgbImage(1, 1, new byte[3]), new FaceBox(0, 0, 1, 1), 0);

  @Test
  void countsFramesDetectedFramesToTheFirstAndWhatIsKeptAfterIt() {
    SequenceTally tally = new SequenceTally();
    SequenceFace still =
        new SequenceFace(SAMPLE, YawBucket.FRONTAL, new FaceBox(0, 0, 35, 35), 0, 0, 2);
    // Not found in its first two frames, then found in 3 of the 4 that follow; one frame hidden.
    tally.face("s", still, new Boolean[] {false, false, true, null, false, true, true});
    String out = printed(tally);
    assertThat(out)
        .contains(
            "{\"scheme\":\"s\",\"group\":\"size 30-40\",\"faces\":1,\"face_frames\":6,"
                + "\"detected_frames\":3,\"fraction_detected\":0.500,\"never_found\":0,"
                + "\"frames_to_first_mean\":2.000,\"frames_to_first_max\":2,"
                + "\"kept_after_first\":0.667}")
        .contains("\"group\":\"still\"")
        .contains("\"group\":\"all\"");
  }

  @Test
  void aFaceNeverFoundHasNoFirstFrame() {
    SequenceTally tally = new SequenceTally();
    SequenceFace walking =
        new SequenceFace(SAMPLE, YawBucket.PROFILE, new FaceBox(0, 0, 100, 100), 5, 0, 0);
    tally.face("s", walking, new Boolean[] {false, false});
    assertThat(printed(tally))
        .contains("\"group\":\"walking\"")
        .contains("\"never_found\":1,\"frames_to_first_mean\":null");
  }

  @Test
  void walkingFacesBounceOffTheFramesEdges() {
    assertThat(SequenceFace.bounce(50, 100)).isEqualTo(50);
    assertThat(SequenceFace.bounce(130, 100)).isEqualTo(70);
    assertThat(SequenceFace.bounce(-20, 100)).isEqualTo(20);
    assertThat(SequenceFace.bounce(230, 100)).isEqualTo(30);
    SequenceFace f =
        new SequenceFace(SAMPLE, YawBucket.FRONTAL, new FaceBox(90, 10, 20, 20), 10, 0, 3);
    assertThat(f.at(4, 120, 100).x()).isEqualTo(100); // one frame after it appeared: 90 + 10
    assertThat(f.at(5, 120, 100).x()).isEqualTo(90); // 110 is past 100 (120 - 20): back to 90
  }

  private static String printed(SequenceTally tally) {
    PrintStream before = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      tally.print();
    } finally {
      System.setOut(before);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
