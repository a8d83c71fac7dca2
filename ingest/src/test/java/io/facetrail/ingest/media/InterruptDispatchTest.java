package io.facetrail.ingest.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.ingest.testing.GeneratedVideo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptDispatchTest {
  @TempDir Path dir;

  @Test
  void everyOpenInputGetsANativeCallbackHoweverManyAreOpen() {
    // JavaCPP has 10 native slots per callback class: one object per input left the 11th input
    // with a NULL callback, which FFmpeg never polls (a frozen camera then blocked for ever).
    List<InterruptGuard> guards = new ArrayList<>();
    List<AVIOInterruptCB> callbacks = new ArrayList<>();
    try {
      for (int i = 0; i < 25; i++) {
        InterruptGuard guard = new InterruptGuard();
        AVIOInterruptCB cb = new AVIOInterruptCB();
        guard.install(cb);
        guards.add(guard);
        callbacks.add(cb);
      }
      long shared = InterruptDispatch.nativeCallback(callbacks.get(0));
      assertThat(shared).isNotZero();
      assertThat(callbacks)
          .allSatisfy(cb -> assertThat(InterruptDispatch.nativeCallback(cb)).isEqualTo(shared));
      assertThat(callbacks.stream().map(cb -> cb.opaque().address()).distinct()).hasSize(25);
    } finally {
      guards.forEach(InterruptGuard::close);
      callbacks.forEach(AVIOInterruptCB::close);
    }
  }

  @Test
  void theCallbackAsksTheGuardItsTokenNames() throws Exception {
    try (InterruptGuard quiet = new InterruptGuard();
        InterruptGuard stalled = new InterruptGuard();
        AVIOInterruptCB quietCb = new AVIOInterruptCB();
        AVIOInterruptCB stalledCb = new AVIOInterruptCB()) {
      quiet.install(quietCb);
      stalled.install(stalledCb);
      quiet.arm(Duration.ofSeconds(30));
      stalled.arm(Duration.ofMillis(1));
      Thread.sleep(20);
      InterruptDispatch dispatch = InterruptDispatch.instance();
      assertThat(dispatch.call(quietCb.opaque())).isZero();
      assertThat(dispatch.call(stalledCb.opaque())).isEqualTo(1);
      assertThat(stalled.tripped()).isTrue();
      assertThat(quiet.tripped()).isFalse();
    }
  }

  @Test
  void aClosedInputsTokenIsForgottenAndInterrupts() {
    int before = InterruptDispatch.registered();
    InterruptGuard guard = new InterruptGuard();
    AVIOInterruptCB cb = new AVIOInterruptCB();
    guard.install(cb);
    assertThat(InterruptDispatch.registered()).isEqualTo(before + 1);
    guard.close();
    assertThat(InterruptDispatch.registered()).isEqualTo(before);
    // The struct still holds the old token, as FFmpeg would if it polled after the close.
    assertThat(InterruptDispatch.instance().call(cb.opaque())).isEqualTo(1);
    assertThat(InterruptDispatch.instance().call(null)).isEqualTo(1);
    cb.close();
  }

  @Test
  void openingAndClosingInputsLeavesNoGuardBehind() throws Exception {
    Path video = GeneratedVideo.write(dir.resolve("v.mp4"), "mp4", 1, 25, 64, 48, 12);
    int before = InterruptDispatch.registered();
    for (int i = 0; i < 15; i++) {
      try (VideoInput in =
          VideoInput.open(OpenRequest.file(video.toString(), 1), new DecodeStats())) {
        assertThat(in.readNext((f, t, k) -> {})).isTrue();
      }
    }
    assertThat(InterruptDispatch.registered()).isEqualTo(before);
  }
}
