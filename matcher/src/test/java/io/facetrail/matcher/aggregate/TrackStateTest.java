package io.facetrail.matcher.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.testing.TrackEvents;
import org.junit.jupiter.api.Test;

class TrackStateTest {
  private static final SyntheticFaces FACES = SyntheticFaces.standard(8);
  private final TrackEvents events = new TrackEvents("t", "s", 1_000);

  @Test
  void theMeanOfSeveralImagesIsCloserToTheIdentityThanOneImage() {
    TrackState s = new TrackState("t", "s");
    for (int i = 0; i < 20; i++) {
      s.observe(events.observation(i, i, FACES.code(3, i), 0.9f, "m").getObservation(), 0.3, 100);
    }
    byte[] centre = FaceCode.quantise(FACES.centre(3));
    double single = FaceCode.distance(FACES.code(3, 0), centre);
    double mean = FaceCode.distance(s.aggregateCode(), centre);
    assertThat(mean).isLessThan(single / 2);
  }

  @Test
  void weightsByQualityAndStopsAtN() {
    TrackState s = new TrackState("t", "s");
    // A good image of identity 1 outweighs a barely good one of identity 2.
    s.observe(events.observation(0, 0, FACES.code(1, 0), 1.0f, "m").getObservation(), 0.3, 2);
    s.observe(events.observation(1, 1, FACES.code(2, 0), 0.31f, "m").getObservation(), 0.3, 2);
    assertThat(FaceCode.distance(s.aggregateCode(), FACES.code(1, 0)))
        .isLessThan(FaceCode.distance(s.aggregateCode(), FACES.code(2, 0)));
    assertThat(
            s.observe(events.observation(2, 2, FACES.code(2, 1), 1f, "m").getObservation(), 0.3, 2))
        .as("the aggregate is full at N")
        .isFalse();
    assertThat(
            s.observe(
                events.observation(3, 3, FACES.code(2, 1), 0.2f, "m").getObservation(), 0.3, 5))
        .as("below minQuality")
        .isFalse();
    assertThat(s.goodFrames()).isEqualTo(2);
    assertThat(s.observations()).isEqualTo(4);
    assertThat(s.lastSeen().sequence()).isEqualTo(3);
  }

  @Test
  void refusesToMixModels() {
    TrackState s = new TrackState("t", "s");
    s.observe(events.observation(0, 0, FACES.code(1, 0), 1f, "a").getObservation(), 0.3, 10);
    assertThatThrownBy(
            () ->
                s.observe(
                    events.observation(1, 1, FACES.code(1, 1), 1f, "b").getObservation(), 0.3, 10))
        .hasMessageContaining("mixes model ids");
  }

  @Test
  void survivesTheStateStoreRoundTrip() {
    TrackState s = new TrackState("track-9", "cam");
    s.labels(java.util.Map.of("site", "hq"));
    for (int i = 0; i < 4; i++) {
      s.observe(events.observation(i, i, FACES.code(5, i), 0.8f, "m").getObservation(), 0.3, 100);
    }
    s.identity("p1", "p2", 1, 2);
    s.distances(0.4, 0.9, 0.8);
    s.pending(true);
    TrackStateCodec codec = new TrackStateCodec();
    TrackState back = codec.deserialize("x", codec.serialize("x", s));
    assertThat(back.aggregateCode()).isEqualTo(s.aggregateCode());
    assertThat(back.labels()).containsEntry("site", "hq");
    assertThat(back.personId()).isEqualTo("p1");
    assertThat(back.candidateId()).isEqualTo("p2");
    assertThat(back.changes()).isEqualTo(2);
    assertThat(back.lastThreshold()).isEqualTo(0.8);
    assertThat(back.pending()).isTrue();
    assertThat(back.firstSeen()).isEqualTo(s.firstSeen());
    assertThat(back.goodFrames()).isEqualTo(4);
  }
}
