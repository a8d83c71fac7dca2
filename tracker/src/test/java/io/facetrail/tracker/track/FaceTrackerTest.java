package io.facetrail.tracker.track;

import static io.facetrail.tracker.track.TestFaces.face;
import static io.facetrail.tracker.track.TestFaces.identity;
import static io.facetrail.tracker.track.TestFaces.seen;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {
  private static final long FRAME_US = 40_000; // 25 fps

  private final TrackingParameters params = TrackingParameters.defaults();
  private final FaceTracker tracker = new FaceTracker(params);
  private final Random random = new Random(11);
  private final float[] alice = identity(1);
  private final float[] bob = identity(2);

  @Test
  void confirmsAfterMinHitsAndKeepsOneTrackForAMovingFace() {
    List<Long> numbers = new ArrayList<>();
    for (int f = 0; f < 50; f++) {
      FrameResult r = step(f, face(100 + 6 * f, 200, 80, 0.9f, seen(alice, random, 0.1)));
      numbers.add(r.trackOfDetection()[0].number());
      if (f == params.minHits() - 1) {
        assertThat(r.confirmed()).hasSize(1);
      } else {
        assertThat(r.confirmed()).isEmpty();
      }
    }
    assertThat(numbers).containsOnly(0L);
    assertThat(tracker.tracks())
        .singleElement()
        .extracting(Track::phase)
        .isEqualTo(TrackPhase.CONFIRMED);
  }

  @Test
  void crossingFacesKeepTheirIdentities() {
    // Alice walks right, Bob walks left on the same line: they overlap completely mid-way.
    long aliceTrack = -1;
    long bobTrack = -1;
    for (int f = 0; f < 60; f++) {
      Detection a = face(100 + 10 * f, 300, 90, 0.9f, seen(alice, random, 0.1));
      Detection b = face(700 - 10 * f, 300, 90, 0.9f, seen(bob, random, 0.1));
      FrameResult r = step(f, a, b);
      if (f == 0) {
        aliceTrack = r.trackOfDetection()[0].number();
        bobTrack = r.trackOfDetection()[1].number();
      }
      assertThat(r.trackOfDetection()[0].number()).as("frame %d", f).isEqualTo(aliceTrack);
      assertThat(r.trackOfDetection()[1].number()).as("frame %d", f).isEqualTo(bobTrack);
    }
  }

  @Test
  void aFaceHiddenForASecondContinuesItsTrack() {
    for (int f = 0; f < 20; f++) {
      step(f, face(100 + 5 * f, 200, 80, 0.9f, seen(alice, random, 0.1)));
    }
    for (int f = 20; f < 45; f++) {
      FrameResult r = step(f);
      assertThat(r.removed()).isEmpty();
    }
    assertThat(tracker.tracks())
        .singleElement()
        .extracting(Track::phase)
        .isEqualTo(TrackPhase.LOST);
    FrameResult back = step(45, face(100 + 5 * 45, 200, 80, 0.9f, seen(alice, random, 0.1)));
    assertThat(back.trackOfDetection()[0].number()).isZero();
    assertThat(back.trackOfDetection()[0].phase()).isEqualTo(TrackPhase.CONFIRMED);
    assertThat(back.confirmed()).as("a lost track coming back is not newly confirmed").isEmpty();
  }

  @Test
  void aFaceReenteringElsewhereIsReidentifiedByItsCode() {
    for (int f = 0; f < 20; f++) {
      step(f, face(600 + 10 * f, 200, 80, 0.9f, seen(alice, random, 0.1)));
    }
    for (int f = 20; f < 40; f++) {
      step(f);
    }
    // Back on the other side of the frame, walking the other way.
    FrameResult back = step(40, face(60, 260, 85, 0.9f, seen(alice, random, 0.1)));
    assertThat(back.trackOfDetection()[0].number()).isZero();
  }

  @Test
  void aNewTrackThatTurnsOutToBeALostOneContinuesTheLostTrack() {
    for (int f = 0; f < 20; f++) {
      step(f, face(600 + 10 * f, 200, 80, 0.9f, seen(alice, random, 0.1)));
    }
    for (int f = 20; f < 40; f++) {
      step(f);
    }
    // Back half cut by the frame edge: too unlike her track at first, so a new track starts ...
    float[] blurred = TestFaces.turned(alice, identity(9), 0.37);
    assertThat(Appearance.distance(blurred, alice))
        .isBetween(params.reidDistance(), params.appearanceGate());
    FrameResult first = step(40, face(20, 260, 40, 0.9f, blurred));
    assertThat(first.trackOfDetection()[0].number()).isEqualTo(1);
    step(41, face(40, 260, 70, 0.9f, alice));
    // ... which, once confirmed with her whole face, is recognised as her lost track.
    FrameResult third = step(42, face(60, 260, 80, 0.9f, alice));
    assertThat(third.trackOfDetection()[0].number()).isZero();
    assertThat(third.confirmed()).isEmpty();
    assertThat(third.merged())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.from().number()).isEqualTo(1);
              assertThat(m.into().number()).isZero();
            });
    assertThat(tracker.tracks()).extracting(Track::number).containsExactly(0L);
    assertThat(
            step(43, face(80, 260, 80, 0.9f, seen(alice, random, 0.1)))
                .trackOfDetection()[0]
                .number())
        .isZero();
  }

  @Test
  void aDifferentFaceWhereALostOneWasStartsANewTrack() {
    for (int f = 0; f < 20; f++) {
      step(f, face(300, 200, 80, 0.9f, seen(alice, random, 0.1)));
    }
    step(20);
    FrameResult r = step(21, face(300, 200, 80, 0.9f, seen(bob, random, 0.1)));
    assertThat(r.trackOfDetection()[0].number()).isEqualTo(1);
  }

  @Test
  void weakDetectionsKeepATrackAliveAndTooWeakOnesStartNothing() {
    for (int f = 0; f < 10; f++) {
      step(f, face(100 + 5 * f, 200, 80, 0.9f, seen(alice, random, 0.1)));
    }
    // Half hidden: the detector is unsure, and a detection below newTrackScore appears elsewhere.
    FrameResult r =
        step(
            10,
            face(150, 200, 80, 0.3f, seen(alice, random, 0.6)),
            face(700, 500, 80, 0.2f, seen(bob, random, 0.1)));
    assertThat(r.trackOfDetection()[0].number()).isZero();
    assertThat(r.trackOfDetection()[1]).isNull();
    assertThat(tracker.tracks()).hasSize(1);
    assertThat(tracker.tracks().get(0).phase()).isEqualTo(TrackPhase.CONFIRMED);
  }

  @Test
  void aFaceSeenOnlyWeaklyIsConfirmedAfterLowConfirmHitsFrames() {
    // A turned face in dim light: never above highScore, but there frame after frame.
    int needed = TrackingParameters.defaults().lowConfirmHits();
    for (int f = 0; f < needed - 1; f++) {
      FrameResult r = step(f, face(400 + 2 * f, 300, 60, 0.35f, seen(bob, random, 0.1)));
      assertThat(r.confirmed()).as("frame %d", f).isEmpty();
      assertThat(tracker.tracks())
          .singleElement()
          .extracting(Track::phase)
          .isEqualTo(TrackPhase.TENTATIVE);
    }
    FrameResult r =
        step(needed - 1, face(400 + 2 * needed, 300, 60, 0.35f, seen(bob, random, 0.1)));
    assertThat(r.confirmed()).singleElement().extracting(Track::number).isEqualTo(0L);
  }

  @Test
  void aWeakTrackThatIsOnceSeenConfidentlyNeedsOnlyMinHits() {
    step(0, face(400, 300, 60, 0.35f, seen(bob, random, 0.1)));
    step(1, face(402, 300, 60, 0.35f, seen(bob, random, 0.1)));
    FrameResult r = step(2, face(404, 300, 60, 0.8f, seen(bob, random, 0.1)));
    assertThat(TrackingParameters.defaults().minHits()).isEqualTo(3);
    assertThat(r.confirmed()).singleElement().extracting(Track::number).isEqualTo(0L);
  }

  @Test
  void aWeakSecondBoxOnATrackedFaceStartsNoTrack() {
    for (int f = 0; f < 5; f++) {
      step(f, face(100 + 5 * f, 200, 80, 0.9f, seen(alice, random, 0.1)));
    }
    // The detector's second, weaker box over the same face, shifted by a third of its width.
    FrameResult r =
        step(
            5,
            face(125, 200, 80, 0.9f, seen(alice, random, 0.1)),
            face(150, 205, 80, 0.35f, seen(alice, random, 0.3)));
    assertThat(r.trackOfDetection()[0].number()).isZero();
    assertThat(r.trackOfDetection()[1]).isNull();
    assertThat(tracker.tracks()).hasSize(1);
  }

  @Test
  void aTentativeTrackMissedOnceIsDroppedUnconfirmed() {
    step(0, face(100, 100, 80, 0.9f, alice));
    step(1, face(102, 100, 80, 0.9f, alice));
    FrameResult r = step(2);
    assertThat(r.removed())
        .singleElement()
        .extracting(Removal::cause)
        .isEqualTo(EndCause.NOT_CONFIRMED);
    assertThat(tracker.tracks()).isEmpty();
  }

  @Test
  void aLostTrackEndsAfterMaxLostAge() {
    for (int f = 0; f < 5; f++) {
      step(f, face(100, 100, 80, 0.9f, alice));
    }
    long lastSeen = 4 * FRAME_US;
    long ageFrames = params.maxLostAgeUs() / FRAME_US;
    List<Removal> removed = new ArrayList<>();
    int endedAt = -1;
    for (int f = 5; f < 5 + ageFrames + 5 && endedAt < 0; f++) {
      FrameResult r = step(f);
      if (!r.removed().isEmpty()) {
        removed.addAll(r.removed());
        endedAt = f;
      }
    }
    assertThat(removed).singleElement().extracting(Removal::cause).isEqualTo(EndCause.LOST);
    assertThat(endedAt * FRAME_US - lastSeen).isGreaterThan(params.maxLostAgeUs());
    assertThat((endedAt - 1) * FRAME_US - lastSeen).isLessThanOrEqualTo(params.maxLostAgeUs());
  }

  @Test
  void irregularFrameGapsDoNotBreakAFastTrack() {
    // 300 px/s with frames 20 to 200 ms apart: the prediction is time-based.
    long t = 0;
    for (int f = 0; f < 60; f++) {
      t += 20_000 + random.nextInt(180_000);
      double x = 50 + 300 * t / 1e6;
      FrameResult r =
          tracker.step(t, List.of(face(x % 1800, 400, 60, 0.9f, seen(alice, random, 0.1))));
      if (x < 1800) {
        assertThat(r.trackOfDetection()[0].number()).as("frame %d", f).isZero();
      }
    }
  }

  @Test
  void endAllEndsConfirmedTracksAndDropsTentativeOnes() {
    for (int f = 0; f < 5; f++) {
      step(f, face(100, 100, 80, 0.9f, alice));
    }
    step(5, face(100, 100, 80, 0.9f, alice), face(500, 100, 80, 0.9f, bob));
    List<Removal> ended = tracker.endAll();
    assertThat(ended)
        .extracting(Removal::cause)
        .containsExactly(EndCause.STREAM_ENDED, EndCause.NOT_CONFIRMED);
    assertThat(tracker.tracks()).isEmpty();
    assertThat(tracker.nextNumber()).isEqualTo(2);
  }

  @Test
  void aFaceThatCodesAsSomebodyElseNeverExtendsTheTrackEvenInTheSamePlace() {
    for (int f = 0; f < 10; f++) {
      step(f, face(400, 300, 90, 0.9f, alice));
    }
    // Unlike her at 0.40: within the old 0.45 gate, beyond the decision threshold (0.38).
    float[] other = TestFaces.turned(alice, identity(7), 0.40);
    FrameResult r = step(10, face(400, 300, 90, 0.9f, other));
    assertThat(r.trackOfDetection()[0].number()).isNotZero();
  }

  @Test
  void aFaceWithoutAUsableCodeExtendsOnlyTheOneTrackItUnambiguouslyContinues() {
    for (int f = 0; f < 10; f++) {
      step(f, face(200 + 4 * f, 300, 90, 0.9f, alice));
    }
    // Too small or blurred to tell (no code): right where her track is going, nothing else near.
    FrameResult alone = step(10, face(240, 300, 90, 0.9f, null));
    assertThat(alone.trackOfDetection()[0].number()).isZero();
  }

  @Test
  void aFaceWithoutACodeBetweenTwoTracksExtendsNeither() {
    for (int f = 0; f < 10; f++) {
      step(f, face(300, 300, 100, 0.9f, alice), face(360, 300, 100, 0.9f, bob));
    }
    // Alice and Bob meet; one face, no usable code, overlapping both: who is it? Nobody's track
    // may take it.
    FrameResult meet = step(10, face(330, 300, 100, 0.9f, null));
    Track taken = meet.trackOfDetection()[0];
    assertThat(taken == null || taken.number() > 1).isTrue();
  }

  @Test
  void aCodelessPasserByOnAHiddenPersonsPredictionDoesNotTakeTheirTrack() {
    for (int f = 0; f < 10; f++) {
      step(f, face(300, 300, 100, 0.9f, alice));
    }
    // A small, fast passer-by (no usable code) appears to her left and starts a track of its own.
    step(10, face(300, 300, 100, 0.9f, alice), face(200, 300, 100, 0.9f, null));
    // Next frame she is hidden behind the passer-by, whose face now lies on her prediction; it
    // still touches the passer-by's own new track, so which track it continues is not
    // unambiguous, and hers must not take it (her name would be drawn on the passer-by).
    FrameResult passing = step(11, face(290, 300, 100, 0.9f, null));
    Track taken = passing.trackOfDetection()[0];
    assertThat(taken == null || taken.number() != 0).isTrue();
  }

  @Test
  void aWeakFaceWhoseCodeAgreesContinuesALostTrackWhereItWasPredicted() {
    for (int f = 0; f < 10; f++) {
      step(f, face(300 + 4 * f, 300, 100, 0.9f, seen(alice, random, 0.1)));
    }
    step(10);
    step(11);
    // Back, but the detector is unsure (a turned or dim face): the code says it is her.
    FrameResult back = step(12, face(348, 300, 100, 0.35f, seen(alice, random, 0.1)));
    assertThat(back.trackOfDetection()[0]).isNotNull();
    assertThat(back.trackOfDetection()[0].number()).isZero();
    assertThat(tracker.tracks())
        .singleElement()
        .satisfies(t -> assertThat(t.phase()).isEqualTo(TrackPhase.CONFIRMED));
  }

  @Test
  void afterALongGapALostTrackNeedsReidentificationsCodeEvidence() {
    for (int f = 0; f < 10; f++) {
      step(f, face(300, 300, 100, 0.9f, alice));
    }
    for (int f = 10; f < 60; f++) {
      step(f);
    }
    // Two seconds later, somebody whose face is within the appearance gate of hers but not within
    // the re-identification distance appears away from where she was: not her track.
    double between = (params.reidDistance() + params.appearanceGate()) / 2;
    FrameResult other = step(60, face(420, 300, 100, 0.9f, TestFaces.turned(alice, bob, between)));
    Track taken = other.trackOfDetection()[0];
    assertThat(taken == null || taken.number() != 0).isTrue();
    // She herself, at the same place, is.
    FaceTracker fresh = new FaceTracker(params);
    for (int f = 0; f < 10; f++) {
      fresh.step(f * FRAME_US, List.of(face(300, 300, 100, 0.9f, alice)));
    }
    for (int f = 10; f < 60; f++) {
      fresh.step(f * FRAME_US, List.of());
    }
    FrameResult back =
        fresh.step(60 * FRAME_US, List.of(face(420, 300, 100, 0.9f, seen(alice, random, 0.1))));
    assertThat(back.trackOfDetection()[0].number()).isZero();
  }

  @Test
  void aWeakFaceOfSomebodyElseDoesNotContinueALostTrack() {
    for (int f = 0; f < 10; f++) {
      step(f, face(300 + 4 * f, 300, 100, 0.9f, seen(alice, random, 0.1)));
    }
    step(10);
    step(11);
    FrameResult other = step(12, face(348, 300, 100, 0.35f, seen(bob, random, 0.1)));
    Track taken = other.trackOfDetection()[0];
    assertThat(taken == null || taken.number() != 0).isTrue();
    assertThat(tracker.tracks().get(0).phase()).isEqualTo(TrackPhase.LOST);
  }

  @Test
  void aFaceWithoutACodeDoesNotReviveALostTrack() {
    for (int f = 0; f < 10; f++) {
      step(f, face(300, 300, 100, 0.9f, alice));
    }
    step(10);
    // Seen again where she was, but with no code to say it is her: the track she left is not
    // continued by motion after a gap.
    FrameResult back = step(11, face(300, 300, 100, 0.9f, null));
    Track taken = back.trackOfDetection()[0];
    assertThat(taken == null || taken.number() != 0).isTrue();
  }

  @Test
  void aTrackBegunOnFacesWithoutCodesTakesItsAppearanceFromItsFirstCodedFace() {
    for (int f = 0; f < 5; f++) {
      step(f, face(200 + 4 * f, 300, 90, 0.9f, null));
    }
    assertThat(tracker.tracks()).singleElement().extracting(Track::appearance).isNull();
    step(5, face(220, 300, 90, 0.9f, alice));
    assertThat(tracker.tracks().get(0).appearance()).isNotNull();
    // From now on the track knows who it is: somebody else in its place does not continue it.
    float[] other = TestFaces.turned(alice, identity(8), 0.42);
    FrameResult r = step(6, face(224, 300, 90, 0.9f, other));
    assertThat(r.trackOfDetection()[0].number()).isNotZero();
  }

  private FrameResult step(int frame, Detection... detections) {
    return tracker.step(frame * FRAME_US, List.of(detections));
  }
}
