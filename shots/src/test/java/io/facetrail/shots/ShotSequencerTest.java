package io.facetrail.shots;

import static io.facetrail.shots.SyntheticViews.at;
import static io.facetrail.shots.SyntheticViews.scene;
import static io.facetrail.shots.SyntheticViews.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShotSequencerTest {
  private final Random noise = new Random(3);

  @Test
  void aCutBetweenTwoPublishedFramesReachesTheNextOneAndEveryFrameComesOutInOrder() {
    float[] a = scene(1);
    float[] b = scene(2);
    ShotSequencer<Integer> s = new ShotSequencer<>(ShotSettings.defaults());
    List<ShotSequencer.Released<Integer>> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      float[] luma = view(i < 22 ? a : b, 10, 20, 1, noise);
      // Every fifth decoded frame is published: the cut at 22 falls on an unpublished frame.
      out.addAll(s.push(at(luma, i), i % 5 == 0 ? i : null));
    }
    out.addAll(s.finish());
    assertThat(out)
        .extracting(ShotSequencer.Released::item)
        .containsExactly(0, 5, 10, 15, 20, 25, 30, 35);
    assertThat(out)
        .extracting(ShotSequencer.Released::number)
        .containsExactly(0L, 0L, 0L, 0L, 0L, 1L, 1L, 1L);
    assertThat(out.get(5).change()).isNotNull();
    assertThat(out.get(5).change().frameIndex()).isEqualTo(22);
    assertThat(out.get(6).change()).isNull();
    assertThat(s.boundaries(ShotBoundary.Kind.CUT)).isEqualTo(1);
    assertThat(s.heldCount()).isZero();
  }

  @Test
  void holdsAPublishedFrameOnlyWhileACutIsUndecided() {
    float[] a = scene(1);
    float[] b = scene(2);
    ShotSequencer<Integer> s = new ShotSequencer<>(ShotSettings.defaults());
    for (int i = 0; i < 10; i++) {
      assertThat(s.push(at(view(a, 10, 20, 1, noise), i), i)).hasSize(1);
    }
    assertThat(s.push(at(view(b, 10, 20, 1, noise), 10), 10)).isEmpty();
    assertThat(s.heldCount()).isEqualTo(1);
    assertThat(s.push(at(view(b, 10, 20, 1, noise), 11), 11)).isEmpty();
    List<ShotSequencer.Released<Integer>> out = s.push(at(view(b, 10, 20, 1, noise), 12), 12);
    assertThat(out).extracting(ShotSequencer.Released::item).containsExactly(10, 11, 12);
    assertThat(out.get(0).number()).isEqualTo(1);
    assertThat(out.get(0).change().kind()).isEqualTo(ShotBoundary.Kind.CUT);
  }
}
