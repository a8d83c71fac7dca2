package io.facetrail.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackPartsTest {
  @Test
  void partIdsRoundTripAndTrackerIdsAreTheirOwnPartZero() {
    assertThat(TrackParts.id("cam-1/r0/t3", 0)).isEqualTo("cam-1/r0/t3");
    assertThat(TrackParts.id("cam-1/r0/t3", 2)).isEqualTo("cam-1/r0/t3/s2");
    assertThat(TrackParts.part("cam-1/r0/t3/s2")).isEqualTo(2);
    assertThat(TrackParts.trackerTrack("cam-1/r0/t3/s2")).isEqualTo("cam-1/r0/t3");
    assertThat(TrackParts.part("cam-1/r0/t3")).isZero();
    assertThat(TrackParts.trackerTrack("cam-1/r0/t3")).isEqualTo("cam-1/r0/t3");
    // A stream id may itself contain "/s": only a trailing /s<digits> is a part.
    assertThat(TrackParts.part("site/south/r0/t1")).isZero();
    assertThat(TrackParts.part("cam/s")).isZero();
  }
}
