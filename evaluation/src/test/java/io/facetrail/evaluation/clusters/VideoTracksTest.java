package io.facetrail.evaluation.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VideoTracksTest {
  @Test
  void aTrackIsThePersonMostOfItsFacesShowAndNobodyWhenNoneShowsAnybody() {
    assertThat(VideoTracks.majority(Arrays.asList("p1", null, "p2", "p2", null, null), "cam0/t3"))
        .as("faces on nobody do not vote")
        .isEqualTo("p2");
    assertThat(VideoTracks.majority(Arrays.asList(null, null), "cam0/t4"))
        .isEqualTo("none:cam0/t4");
  }
}
