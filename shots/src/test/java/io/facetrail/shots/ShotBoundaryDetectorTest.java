package io.facetrail.shots;

import static io.facetrail.shots.SyntheticViews.at;
import static io.facetrail.shots.SyntheticViews.blend;
import static io.facetrail.shots.SyntheticViews.scene;
import static io.facetrail.shots.SyntheticViews.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShotBoundaryDetectorTest {
  private final Random noise = new Random(7);
  private final float[] a = scene(1);
  private final float[] b = scene(2);
  private final List<FrameSignature> frames = new ArrayList<>();

  private void add(float[] luma) {
    frames.add(at(luma, frames.size()));
  }

  /** A slowly drifting view of a scene, {@code count} frames from offset x0. */
  private int hold(float[] scene, int x0, int count) {
    for (int i = 0; i < count; i++) {
      add(view(scene, x0 + i / 4, 20, 1, noise));
    }
    return x0 + count / 4;
  }

  private List<ShotBoundary> detect() {
    ShotBoundaryDetector d = new ShotBoundaryDetector(ShotSettings.defaults());
    List<ShotBoundary> found = new ArrayList<>();
    for (FrameSignature f : frames) {
      found.addAll(d.push(f));
    }
    found.addAll(d.finish());
    return found;
  }

  @Test
  void findsAHardCutAtTheFirstFrameOfTheNewView() {
    hold(a, 10, 30);
    hold(b, 10, 30);
    List<ShotBoundary> found = detect();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).frameIndex()).isEqualTo(30);
    assertThat(found.get(0).kind()).isEqualTo(ShotBoundary.Kind.CUT);
    assertThat(found.get(0).timeUs()).isEqualTo(30 * 40_000L);
  }

  @Test
  void aPanIsOneShotEvenWhenItIsFast() {
    for (int i = 0; i < 64; i++) {
      add(view(a, 2 * i, 10 + i / 8, 1, noise)); // 2 cells a frame: 2 frame widths in 2.6 s
    }
    assertThat(detect()).isEmpty();
  }

  @Test
  void aFlashIsNoCut() {
    hold(a, 10, 20);
    add(view(a, 15, 20, 2.5, noise)); // over-exposed, clipped: structure lost in the bright parts
    add(view(a, 15, 20, 1.8, noise));
    hold(a, 15, 20);
    assertThat(detect()).isEmpty();
  }

  @Test
  void aFadeThroughBlackIsOneGradualBoundary() {
    hold(a, 10, 25);
    for (int i = 1; i <= 10; i++) {
      add(view(a, 16, 20, 1 - i / 10.0, noise));
    }
    for (int i = 0; i <= 10; i++) {
      add(view(b, 16, 20, i / 10.0, noise));
    }
    hold(b, 16, 25);
    List<ShotBoundary> found = detect();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).kind()).isEqualTo(ShotBoundary.Kind.GRADUAL);
    assertThat(found.get(0).frameIndex()).isBetween(25L, 46L);
  }

  @Test
  void aDissolveIsOneGradualBoundaryWithinIt() {
    hold(a, 10, 40);
    for (int i = 1; i <= 20; i++) {
      add(blend(view(a, 20, 20, 1, noise), view(b, 20, 20, 1, noise), i / 20.0));
    }
    hold(b, 20, 40);
    List<ShotBoundary> found = detect();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).kind()).isEqualTo(ShotBoundary.Kind.GRADUAL);
    assertThat(found.get(0).frameIndex()).isBetween(40L, 61L);
  }

  @Test
  void waitsForItsLookaheadBeforeDecidingACandidate() {
    ShotBoundaryDetector d = new ShotBoundaryDetector(ShotSettings.defaults());
    for (int i = 0; i < 10; i++) {
      d.push(at(view(a, 10, 20, 1, noise), i));
    }
    assertThat(d.decidedThrough()).isEqualTo(9);
    assertThat(d.push(at(view(b, 10, 20, 1, noise), 10))).isEmpty();
    assertThat(d.decidedThrough()).isEqualTo(9);
    assertThat(d.push(at(view(b, 10, 20, 1, noise), 11))).isEmpty();
    List<ShotBoundary> found = d.push(at(view(b, 10, 20, 1, noise), 12));
    assertThat(found).extracting(ShotBoundary::frameIndex).containsExactly(10L);
    assertThat(d.decidedThrough()).isEqualTo(12);
  }
}
