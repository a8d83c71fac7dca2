package io.facetrail.tracker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.Face;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.FrameFaces;
import io.facetrail.contracts.proto.TrackEndCause;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.tracker.fixtures.WalkingFaces;
import io.facetrail.tracker.session.SessionOutcome.Disposition;
import io.facetrail.tracker.track.TrackingParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StreamSessionTest {
  private final WalkingFaces scene = new WalkingFaces("cam-1", 2, 5);
  private final InMemoryBestFaces bestFaces = new InMemoryBestFaces();
  private final StreamSession session = StreamSession.start("cam-1", TrackingParameters.defaults());

  @Test
  void publishesTracksOnlyOnceConfirmedWithEveryObservationInOrder() {
    List<TrackEvent> events = new ArrayList<>();
    for (int f = 0; f < 2; f++) {
      events.addAll(frame(f).events());
    }
    assertThat(events).as("nothing before confirmation").isEmpty();
    events.addAll(frame(2).events());
    // Each track: started, then the held observations 0 and 1, then the current one (2).
    assertThat(events).hasSize(2 * 4);
    Map<String, List<TrackEvent>> byTrack = byTrack(events);
    assertThat(byTrack.keySet()).containsExactly("cam-1/r0/t0", "cam-1/r0/t1");
    for (List<TrackEvent> track : byTrack.values()) {
      assertThat(track.get(0).hasStarted()).isTrue();
      assertThat(track.get(0).getStarted().getAt().getSequence()).isZero();
      assertThat(track.get(0).getStarted().getLabelsMap()).containsEntry("camera", "test");
      assertThat(track.subList(1, 4))
          .extracting(e -> e.getObservation().getIndex())
          .containsExactly(0L, 1L, 2L);
      assertThat(track.subList(1, 4))
          .extracting(e -> e.getObservation().getAt().getSequence())
          .containsExactly(0L, 1L, 2L);
    }
    assertThat(frame(3).events()).hasSize(2).allMatch(TrackEvent::hasObservation);
  }

  @Test
  void endOfStreamEndsTracksWithSummaryAndStartsANewRun() {
    for (int f = 0; f < 10; f++) {
      frame(f);
    }
    SessionOutcome end = session.onEnd(scene.endOfStream(9).getEndOfStream(), bestFaces);
    assertThat(end.events()).hasSize(2).allMatch(TrackEvent::hasEnded);
    TrackEvent ended = end.events().get(0);
    assertThat(ended.getEnded().getCause()).isEqualTo(TrackEndCause.STREAM_ENDED);
    assertThat(ended.getEnded().getObservations()).isEqualTo(10);
    assertThat(ended.getEnded().getFirst().getSequence()).isZero();
    assertThat(ended.getEnded().getLast().getSequence()).isEqualTo(9);
    assertThat(ended.getEnded().hasBestFace()).isTrue();
    assertThat(ended.getEnded().getBestFace().getThumbnailJpeg().size()).isEqualTo(3);
    assertThat(bestFaces.size()).as("best faces of ended tracks are dropped").isZero();
    // The same stream id again: a new run, new ids.
    for (int f = 0; f < 3; f++) {
      SessionOutcome o = frame(f);
      if (f == 2) {
        assertThat(o.events()).extracting(TrackEvent::getTrackId).contains("cam-1/r1/t0");
      }
    }
  }

  @Test
  void aLostTrackResumedByANewTrackGetsItsHeldObservationsUnderItsOwnId() {
    WalkingFaces one = new WalkingFaces("cam-1", 1, 5);
    for (int f = 0; f < 10; f++) {
      session.onFrame(one.frame(f).getFrameFaces(), bestFaces);
    }
    for (int f = 10; f < 20; f++) {
      session.onFrame(one.emptyFrame(f).getFrameFaces(), bestFaces);
    }
    // Back far from where the prediction is, with a code a little off at first: a new track ...
    List<TrackEvent> events = new ArrayList<>();
    for (int f = 20; f < 24; f++) {
      FrameFaces frame = one.frame(f).getFrameFaces();
      Face moved =
          frame.getFaces(0).toBuilder()
              .setBox(frame.getFaces(0).getBox().toBuilder().setX(900).setY(600))
              .build();
      events.addAll(
          session.onFrame(frame.toBuilder().setFaces(0, moved).build(), bestFaces).events());
    }
    // ... or the lost one directly: either way every observation is the old track's, in order.
    assertThat(events).allMatch(e -> e.getTrackId().equals("cam-1/r0/t0"));
    assertThat(events).noneMatch(TrackEvent::hasStarted);
    assertThat(events)
        .extracting(e -> e.getObservation().getIndex())
        .containsExactly(10L, 11L, 12L, 13L);
  }

  @Test
  void bestFaceIsTheHighestQualityObservation() {
    float best = -1;
    for (int f = 0; f < 20; f++) {
      FacesRecord r = scene.frame(f);
      best = Math.max(best, r.getFrameFaces().getFaces(0).getQuality());
      session.onFrame(r.getFrameFaces(), bestFaces);
    }
    assertThat(bestFaces.get("cam-1/r0/t0").getQuality()).isEqualTo(best);
  }

  @Test
  void duplicateFramesAreIgnoredAndARestartAtZeroStartsANewRun() {
    for (int f = 0; f < 5; f++) {
      frame(f);
    }
    SessionOutcome duplicate = frame(3);
    assertThat(duplicate.disposition()).isEqualTo(Disposition.IGNORED_OUT_OF_ORDER);
    assertThat(duplicate.events()).isEmpty();
    assertThat(session.lastSequence()).isEqualTo(4);

    SessionOutcome restart = frame(0);
    assertThat(restart.disposition()).isEqualTo(Disposition.RESTARTED);
    assertThat(restart.events())
        .allMatch(e -> e.hasEnded() && e.getEnded().getCause() == TrackEndCause.STREAM_ENDED)
        .hasSize(2);
    assertThat(session.run()).isEqualTo(1);
  }

  @Test
  void aZeroCodeIsRefusedWithTheFaceNamed() {
    FrameFaces bad =
        scene.frame(0).getFrameFaces().toBuilder()
            .setFaces(
                1,
                scene.frame(0).getFrameFaces().getFaces(1).toBuilder()
                    .setCode(ByteString.copyFrom(new byte[128])))
            .build();
    assertThatThrownBy(() -> session.onFrame(bad, bestFaces))
        .hasMessageContaining("face 1 of frame 0");
    assertThat(session.lastSequence()).as("nothing changed").isEqualTo(-1);
  }

  @Test
  void aShotChangeEndsEveryTrackAndTheSameFacesStartNewOnes() {
    for (int f = 0; f < 10; f++) {
      assertThat(inShot(f, 0).shotChanged()).isFalse();
    }
    // The same people in the same places after a cut: by motion and appearance they would
    // continue, but nothing may continue across a shot boundary.
    SessionOutcome cut = inShot(10, 1);
    assertThat(cut.shotChanged()).isTrue();
    List<TrackEvent> ended = cut.events().stream().filter(TrackEvent::hasEnded).toList();
    assertThat(ended)
        .extracting(TrackEvent::getTrackId)
        .containsExactlyInAnyOrder("cam-1/r0/t0", "cam-1/r0/t1");
    assertThat(ended)
        .allMatch(e -> e.getEnded().getCause() == TrackEndCause.SHOT_CHANGE)
        .allMatch(e -> e.getEnded().getLast().getSequence() == 9);
    assertThat(cut.events()).filteredOn(TrackEvent::hasObservation).isEmpty();
    inShot(11, 1);
    List<TrackEvent> next = inShot(12, 1).events();
    assertThat(byTrack(next).keySet()).containsExactlyInAnyOrder("cam-1/r0/t2", "cam-1/r0/t3");
    assertThat(session.shot()).isEqualTo(1);
    assertThat(inShot(13, 1).shotChanged()).isFalse();
  }

  @Test
  void framesWithoutShotsNeverEndTracks() {
    for (int f = 0; f < 5; f++) {
      inShot(f, 4);
    }
    // A producer older than contract revision 2 sends no shot: no change can be seen.
    SessionOutcome o = frame(5);
    assertThat(o.shotChanged()).isFalse();
    assertThat(o.events()).noneMatch(TrackEvent::hasEnded);
  }

  private SessionOutcome inShot(long sequence, long shot) {
    var frame =
        scene.frame(sequence).getFrameFaces().toBuilder()
            .setShot(io.facetrail.contracts.proto.Shot.newBuilder().setNumber(shot))
            .build();
    return session.onFrame(frame, bestFaces);
  }

  private SessionOutcome frame(long sequence) {
    return session.onFrame(scene.frame(sequence).getFrameFaces(), bestFaces);
  }

  private static Map<String, List<TrackEvent>> byTrack(List<TrackEvent> events) {
    Map<String, List<TrackEvent>> out = new TreeMap<>();
    for (TrackEvent e : events) {
      out.computeIfAbsent(e.getTrackId(), k -> new ArrayList<>()).add(e);
    }
    return out;
  }
}
