package io.facetrail.matcher.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrackStateCodecTest {
  /** Format 3's trailing fields of a track never split: part 0, no sightings, empty dissent. */
  private static final int PARTS_BYTES = 4 + 1 + 128 * 4 + 8 + 4 + 1;

  private final TrackStateCodec codec = new TrackStateCodec();

  @Test
  void keepsThePartTheLastAgreeingSightingAndTheDissent() {
    TrackState s = new TrackState("cam-1/1-1", "cam-1");
    s.segment = 2;
    s.lastAgreeing = new Seen(7, 1_400_000, 1_700_000_000_000L);
    float[] unit = new float[128];
    unit[3] = 1;
    s.dissent.add(unit, 0.8);
    s.dissentFrom = new Seen(8, 1_600_000, 1_700_000_000_200L);
    TrackState back = codec.deserialize("t", codec.serialize("t", s));
    assertThat(back.eventTrackId()).isEqualTo("cam-1/1-1/s2");
    assertThat(back.lastAgreeing).isEqualTo(s.lastAgreeing);
    assertThat(back.dissenting()).isEqualTo(1);
    assertThat(back.dissent.weight()).isEqualTo(0.8);
    assertThat(back.dissentFrom).isEqualTo(s.dissentFrom);
  }

  @Test
  void readsFormatTwoAsOnePartWithNoDissent() {
    TrackState s = new TrackState("cam-1/1-1", "cam-1");
    s.operatingPoint(1.0e-5, 1e-2, 1000);
    byte[] current = codec.serialize("t", s);
    byte[] older = Arrays.copyOf(current, current.length - PARTS_BYTES);
    older[0] = 2;
    TrackState back = codec.deserialize("t", older);
    assertThat(back.lastGallerySize()).isEqualTo(1000);
    assertThat(back.eventTrackId()).isEqualTo("cam-1/1-1");
    assertThat(back.dissenting()).isZero();
  }

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
    // Format 1 was format 3 without the trailing parts (PARTS_BYTES) and the FAR (8 bytes), FPIR
    // (8) and gallery size (4) of format 2.
    byte[] older = Arrays.copyOf(current, current.length - PARTS_BYTES - 20);
    older[0] = 1;
    TrackState back = codec.deserialize("t", older);
    assertThat(back.lastThreshold()).isEqualTo(0.35);
    assertThat(back.lastFalseAcceptRate()).isNaN();
    assertThat(back.lastFpir()).isNaN();
    assertThat(back.lastGallerySize()).isEqualTo(-1);
  }
}
