package io.facetrail.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.run.DrainWatch.Step;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DrainWatchTest {
  private static final long S = 1_000_000_000L;

  @Test
  void drainedAndDecidedTwiceInARowIsDone() {
    DrainWatch w = new DrainWatch(Duration.ofSeconds(5));
    assertThat(w.look(0, true, OptionalLong.of(0))).isEqualTo(Step.WAIT);
    assertThat(w.look(1, true, OptionalLong.of(0))).isEqualTo(Step.DONE);
  }

  @Test
  void heldBackDecisionsAreNeverDone() {
    // Before the fix a drained pipeline was done whatever the matcher still held back.
    DrainWatch w = new DrainWatch(Duration.ofSeconds(5));
    for (int i = 0; i < 10; i++) {
      assertThat(w.look(i * S / 10, true, OptionalLong.of(2))).isEqualTo(Step.WAIT);
    }
  }

  @Test
  void decisionsHeldBackLongerThanTheWaitAreGivenUp() {
    DrainWatch w = new DrainWatch(Duration.ofSeconds(5));
    assertThat(w.look(0, false, OptionalLong.empty())).isEqualTo(Step.WAIT);
    assertThat(w.look(S, true, OptionalLong.of(3))).isEqualTo(Step.WAIT);
    assertThat(w.look(6 * S, true, OptionalLong.of(3))).isEqualTo(Step.WAIT);
    assertThat(w.look(6 * S + 1, true, OptionalLong.of(3))).isEqualTo(Step.GAVE_UP);
    assertThat(w.undecided()).isEqualTo(3);
  }

  @Test
  void aGalleryBackWithinTheWaitEndsInDone() {
    DrainWatch w = new DrainWatch(Duration.ofSeconds(5));
    assertThat(w.look(0, true, OptionalLong.of(1))).isEqualTo(Step.WAIT);
    assertThat(w.look(4 * S, true, OptionalLong.of(0))).isEqualTo(Step.WAIT);
    assertThat(w.look(5 * S, true, OptionalLong.of(0))).isEqualTo(Step.DONE);
  }

  @Test
  void anUncountableStoreOrBusyStagesRestartTheQuietCount() {
    DrainWatch w = new DrainWatch(Duration.ofSeconds(5));
    assertThat(w.look(0, true, OptionalLong.of(0))).isEqualTo(Step.WAIT);
    assertThat(w.look(1, true, OptionalLong.empty())).isEqualTo(Step.WAIT);
    assertThat(w.look(2, true, OptionalLong.of(0))).isEqualTo(Step.WAIT);
    assertThat(w.look(3, false, OptionalLong.empty())).isEqualTo(Step.WAIT);
    assertThat(w.look(4, true, OptionalLong.of(0))).isEqualTo(Step.WAIT);
    assertThat(w.look(5, true, OptionalLong.of(0))).isEqualTo(Step.DONE);
  }
}
