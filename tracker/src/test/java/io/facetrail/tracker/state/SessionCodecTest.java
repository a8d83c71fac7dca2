package io.facetrail.tracker.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.proto.FrameFaces;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.tracker.fixtures.WalkingFaces;
import io.facetrail.tracker.session.InMemoryBestFaces;
import io.facetrail.tracker.session.StreamSession;
import io.facetrail.tracker.track.TrackingParameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCodecTest {
  private final TrackingParameters params = TrackingParameters.defaults();
  private final SessionCodec codec = new SessionCodec(params);

  @Test
  void aRestoredSessionContinuesExactlyLikeTheOriginal() {
    WalkingFaces scene = new WalkingFaces("cam", 4, 9);
    InMemoryBestFaces best = new InMemoryBestFaces();
    StreamSession original = StreamSession.start("cam", params);
    // Frame 1 leaves tentative tracks with held-back observations in the state.
    for (int f = 0; f < 2; f++) {
      original.onFrame(scene.frame(f).getFrameFaces(), best);
    }
    StreamSession restored = codec.decode(codec.encode(original));
    assertThat(codec.encode(restored)).isEqualTo(codec.encode(original));

    InMemoryBestFaces bestCopy = new InMemoryBestFaces();
    for (String id : List.of("cam/r0/t0", "cam/r0/t1", "cam/r0/t2", "cam/r0/t3")) {
      bestCopy.put(id, best.get(id));
    }
    List<TrackEvent> a = new ArrayList<>();
    List<TrackEvent> b = new ArrayList<>();
    for (int f = 2; f < 60; f++) {
      // Every seventh frame is empty: the tracks go lost and come back.
      FrameFaces frame = (f % 7 == 0 ? scene.emptyFrame(f) : scene.frame(f)).getFrameFaces();
      a.addAll(original.onFrame(frame, best).events());
      b.addAll(restored.onFrame(frame, bestCopy).events());
    }
    a.addAll(original.onEnd(scene.endOfStream(59).getEndOfStream(), best).events());
    b.addAll(restored.onEnd(scene.endOfStream(59).getEndOfStream(), bestCopy).events());
    assertThat(b).isEqualTo(a);
    assertThat(a).filteredOn(TrackEvent::hasStarted).hasSize(4);
  }

  @Test
  void keepsTheShotSoARestoredSessionStillEndsTracksAtTheNextCut() {
    WalkingFaces scene = new WalkingFaces("cam", 2, 3);
    InMemoryBestFaces best = new InMemoryBestFaces();
    StreamSession original = StreamSession.start("cam", params);
    assertThat(codec.decode(codec.encode(original)).shot()).isEqualTo(StreamSession.NO_SHOT);
    for (int f = 0; f < 5; f++) {
      FrameFaces frame =
          scene.frame(f).getFrameFaces().toBuilder()
              .setShot(io.facetrail.contracts.proto.Shot.newBuilder().setNumber(7))
              .build();
      original.onFrame(frame, best);
    }
    StreamSession restored = codec.decode(codec.encode(original));
    assertThat(restored.shot()).isEqualTo(7);
    FrameFaces cut =
        scene.frame(5).getFrameFaces().toBuilder()
            .setShot(io.facetrail.contracts.proto.Shot.newBuilder().setNumber(8))
            .build();
    assertThat(restored.onFrame(cut, best).shotChanged()).isTrue();
  }

  @Test
  void stateWrittenBeforeTracksKeptTheirBestScoreCountsThemAsConfidentlyStarted() throws Exception {
    WalkingFaces scene = new WalkingFaces("cam", 1, 5);
    StreamSession original = StreamSession.start("cam", params);
    original.onFrame(scene.frame(0).getFrameFaces(), new InMemoryBestFaces());
    byte[] bytes = codec.encode(original);
    io.facetrail.tracker.state.proto.StreamStateRecord r =
        io.facetrail.tracker.state.proto.StreamStateRecord.parseFrom(
            java.util.Arrays.copyOfRange(bytes, 1, bytes.length));
    assertThat(r.getTracks(0).hasBestScore()).isTrue();
    io.facetrail.tracker.state.proto.StreamStateRecord old =
        r.toBuilder().setTracks(0, r.getTracks(0).toBuilder().clearBestScore()).build();
    byte[] payload = old.toByteArray();
    byte[] oldBytes = java.util.Arrays.copyOf(new byte[] {bytes[0]}, payload.length + 1);
    System.arraycopy(payload, 0, oldBytes, 1, payload.length);
    assertThat(codec.decode(oldBytes).tracker().tracks().get(0).bestScore()).isEqualTo(1f);
  }

  @Test
  void refusesUnknownVersionsAndGarbageClearly() {
    assertThatThrownBy(() -> codec.decode(new byte[] {9, 1, 2}))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("format version 9");
    assertThatThrownBy(() -> codec.decode(new byte[] {1, (byte) 0xff, (byte) 0xff}))
        .isInstanceOf(CorruptStateException.class);
    assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(CorruptStateException.class);
  }
}
