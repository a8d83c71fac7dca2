package io.facetrail.app.report;

import static io.facetrail.app.report.TimelineFixtures.ended;
import static io.facetrail.app.report.TimelineFixtures.identity;
import static io.facetrail.app.report.TimelineFixtures.observed;
import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEventType;
import org.junit.jupiter.api.Test;

/** A live run never ends: the recorder keeps a bounded number of tracks per stream. */
class TimelineRecorderBoundTest {
  @Test
  void aLiveStreamKeepsTheLatestTracksAndCountsTheOthers() {
    TimelineRecorder r = new TimelineRecorder(true, 100);
    for (int i = 0; i < 10_000; i++) {
      String track = "cam/t" + i;
      long us = i * 1_000_000L;
      r.onTrack(observed("cam", track, us, 1, 1));
      r.onTrack(ended("cam", track, us, us + 500_000));
      r.onIdentity(identity(IdentityEventType.UNKNOWN, "cam", track, null, us / 1000, us / 1000));
    }
    VideoTimeline v = r.timeline("cam", "rtsp://cam", -1, null);
    assertThat(v.tracks()).hasSize(100);
    assertThat(v.tracks().get(0).trackId()).isEqualTo("cam/t9900");
    assertThat(r.dropped("cam")).isEqualTo(9_900);
    assertThat(r.boxes("cam")).hasSize(100);
    r.forget("cam");
    assertThat(r.dropped("cam")).isZero();
  }

  @Test
  void tracksStillOpenAreKeptWhileFinishedOnesCanGo() {
    TimelineRecorder r = new TimelineRecorder(false, 3);
    // A long-lived track that is neither ended nor decided yet.
    r.onTrack(observed("cam", "cam/open", 0, 1, 1));
    for (int i = 0; i < 5; i++) {
      String track = "cam/t" + i;
      r.onTrack(ended("cam", track, i * 1_000_000L, i * 1_000_000L + 1));
      r.onIdentity(identity(IdentityEventType.ENDED, "cam", track, "Ann", i * 1_000L, i * 1_000L));
    }
    r.onTrack(observed("cam", "cam/open", 9_000_000, 1, 1));
    VideoTimeline v = r.timeline("cam", "rtsp://cam", -1, null);
    assertThat(v.tracks())
        .extracting(TrackRecord::trackId)
        .containsExactly("cam/open", "cam/t3", "cam/t4");
    assertThat(v.tracks().get(0).range()).isEqualTo(new TimeRange(0, 9_000));
    assertThat(r.dropped("cam")).isEqualTo(3);
  }

  @Test
  void otherStreamsAreNotAffected() {
    TimelineRecorder r = new TimelineRecorder(false, 2);
    for (int i = 0; i < 5; i++) {
      r.onTrack(observed("a", "a/t" + i, i, 1, 1));
    }
    r.onTrack(observed("b", "b/t0", 0, 1, 1));
    assertThat(r.timeline("a", "a", -1, null).tracks()).hasSize(2);
    assertThat(r.timeline("b", "b", -1, null).tracks()).hasSize(1);
    assertThat(r.dropped("b")).isZero();
  }
}
