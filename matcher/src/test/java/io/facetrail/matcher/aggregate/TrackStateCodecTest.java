package io.facetrail.matcher.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrackStateCodecTest {
  private final TrackStateCodec codec = new TrackStateCodec();

  @Test
  void keepsTheOperatingPointOfTheLatestEvaluation() {
    TrackState s = new TrackState("cam-1/1-1", "cam-1");
    s.distances(0.31, 0.42, 0.35);
    s.operatingPoint(1.0e-5, 1e-2, 1000);
    TrackState back = codec.deserialize("t", codec.serialize("t", s));
    assertThat(back.lastThreshold()).isEqualTo(0.35);
    assertThat(back.lastFalseAcceptRate()).isEqualTo(1.0e-5);
    assertThat(back.lastFpir()).isEqualTo(1e-2);
    assertThat(back.lastGallerySize()).isEqualTo(1000);
  }

  @Test
  void readsStateWrittenBeforeTheOperatingPointWasKept() {
    TrackState s = new TrackState("cam-1/1-1", "cam-1");
    s.distances(0.31, 0.42, 0.35);
    s.operatingPoint(1.0e-5, 1e-2, 1000);
    byte[] current = codec.serialize("t", s);
    // Format 1 was format 2 without the trailing FAR (8 bytes), FPIR (8) and gallery size (4).
    byte[] older = Arrays.copyOf(current, current.length - 20);
    older[0] = 1;
    TrackState back = codec.deserialize("t", older);
    assertThat(back.lastThreshold()).isEqualTo(0.35);
    assertThat(back.lastFalseAcceptRate()).isNaN();
    assertThat(back.lastFpir()).isNaN();
    assertThat(back.lastGallerySize()).isEqualTo(-1);
  }
}
