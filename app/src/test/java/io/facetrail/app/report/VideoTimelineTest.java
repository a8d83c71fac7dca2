package io.facetrail.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoTimelineTest {
  @Test
  void personsGatherTheirTracksInOrderOfFirstAppearanceWithMergedRanges() {
    VideoTimeline v = TimelineFixtures.cast();
    assertThat(v.tracks()).extracting(TrackRecord::trackId).startsWith("s1/t1", "s1/t2", "s1/t3");
    assertThat(v.persons()).extracting(PersonAppearance::name).containsExactly("Alice <A>", "Bob");
    PersonAppearance alice = v.persons().get(0);
    // 2.0 s and 2.6 s are less than a second apart: one appearance.
    assertThat(alice.ranges()).containsExactly(new TimeRange(500, 4_000));
    assertThat(alice.screenTimeMs()).isEqualTo(3_500);
    assertThat(alice.frames()).isEqualTo(v.tracks().get(0).frames() + v.tracks().get(1).frames());
    assertThat(v.unknownTracks()).extracting(TrackRecord::trackId).containsExactly("s1/t4");
    assertThat(v.axisEndMs()).isEqualTo(8_000);
  }
}
