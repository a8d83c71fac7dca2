package io.facetrail.app.report;

import static io.facetrail.app.report.TimelineFixtures.identity;
import static io.facetrail.app.report.TimelineFixtures.observed;
import static io.facetrail.app.report.TimelineFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEventType;
import org.junit.jupiter.api.Test;

class TimelineRecorderTest {
  @Test
  void tracksAndIdentitiesInterleavedInAnyOrderMakeOneTimelinePerStream() {
    TimelineRecorder r = new TimelineRecorder(true);
    r.onIdentity(identity(IdentityEventType.IDENTIFIED, "s1", "s1/a", "Ann", 200, 600));
    r.onTrack(started("s1", "s1/a", 200_000));
    r.onTrack(observed("s1", "s1/a", 400_000, 10, 20));
    r.onTrack(observed("s1", "s1/a", 200_000, 5, 20));
    r.onTrack(started("s1", "s1/b", 1_000_000));
    r.onIdentity(identity(IdentityEventType.UNKNOWN, "s1", "s1/b", null, 1_000, 1_400));
    r.onTrack(started("s2", "s2/c", 0));

    VideoTimeline v = r.timeline("s1", "in.mp4", 2_000, null);
    assertThat(v.tracks()).extracting(TrackRecord::trackId).containsExactly("s1/a", "s1/b");
    TrackRecord a = v.tracks().get(0);
    assertThat(a.personName()).isEqualTo("Ann");
    assertThat(a.range()).isEqualTo(new TimeRange(200, 600));
    assertThat(a.frames()).isEqualTo(2);
    assertThat(v.tracks().get(1).identified()).isFalse();
    assertThat(v.tracks().get(1).range()).isEqualTo(new TimeRange(1_000, 1_400));
    // Boxes come back in time order whatever order they arrived in.
    assertThat(r.boxes("s1").get("s1/a"))
        .extracting(TrackBox::mediaTimeUs)
        .containsExactly(200_000L, 400_000L);
    assertThat(r.boxes("s1")).doesNotContainKey("s1/b");

    r.forget("s1");
    assertThat(r.timeline("s1", "in.mp4", 2_000, null).tracks()).isEmpty();
    assertThat(r.timeline("s2", "other", 1, null).tracks()).hasSize(1);
  }

  @Test
  void aTrackTheMatcherSplitShowsEachPartWithItsOwnNameTimeAndBoxes() {
    TimelineRecorder r = new TimelineRecorder(true);
    for (long ms = 0; ms <= 2_000; ms += 200) {
      r.onTrack(observed("s", "s/r0/t0", ms * 1000, ms, 10));
    }
    // Ann from 0 to 1 s; then the track went on over Bob, reported as part 1.
    r.onIdentity(identity(IdentityEventType.IDENTIFIED, "s", "s/r0/t0", "Ann", 0, 400));
    r.onIdentity(identity(IdentityEventType.ENDED, "s", "s/r0/t0", "Ann", 0, 1_000));
    r.onIdentity(identity(IdentityEventType.IDENTIFIED, "s", "s/r0/t0/s1", "Bob", 1_200, 1_600));
    r.onIdentity(identity(IdentityEventType.ENDED, "s", "s/r0/t0/s1", "Bob", 1_200, 2_000));

    VideoTimeline v = r.timeline("s", "in.mp4", 2_000, null);
    assertThat(v.tracks())
        .extracting(TrackRecord::trackId, TrackRecord::personName, TrackRecord::range)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("s/r0/t0", "Ann", new TimeRange(0, 1_000)),
            org.assertj.core.api.Assertions.tuple(
                "s/r0/t0/s1", "Bob", new TimeRange(1_200, 2_000)));
    assertThat(r.boxes("s").get("s/r0/t0"))
        .extracting(TrackBox::mediaTimeUs)
        .allMatch(us -> us <= 1_000_000);
    assertThat(r.boxes("s").get("s/r0/t0/s1"))
        .extracting(TrackBox::mediaTimeUs)
        .containsExactly(1_200_000L, 1_400_000L, 1_600_000L, 1_800_000L, 2_000_000L);
  }

  @Test
  void aPersonErasedWhileTheirTrackWasOpenIsNotNamedInTheTimeline() {
    TimelineRecorder r = new TimelineRecorder(false);
    r.onIdentity(identity(IdentityEventType.IDENTIFIED, "s", "s/a", "Ann", 0, 400));
    // The matcher ends the named part without a person once Ann is erased.
    r.onIdentity(identity(IdentityEventType.ENDED, "s", "s/a", null, 0, 600));
    TrackRecord a = r.timeline("s", "in.mp4", 1_000, null).tracks().get(0);
    assertThat(a.identified()).isFalse();
    assertThat(a.personName()).isNull();
  }

  @Test
  void boxesAreNotKeptUnlessAsked() {
    TimelineRecorder r = new TimelineRecorder(false);
    r.onTrack(observed("s", "s/a", 0, 1, 1));
    assertThat(r.boxes("s")).isEmpty();
    assertThat(r.timeline("s", "x", 1, null).tracks()).hasSize(1);
  }
}
