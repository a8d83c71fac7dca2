package io.facetrail.ingest.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {
  private static List<Long> selected(SamplingPolicy policy, double sourceFps, int frames) {
    FrameSampler sampler = policy.newSampler();
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      long t = Math.round(i * 1e6 / sourceFps);
      if (sampler.select(t, i % 12 == 0)) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void fiveFpsFromTwentyFiveTakesEveryFifthFrame() {
    assertThat(selected(SamplingPolicy.fps(5), 25, 26))
        .containsExactly(0L, 200_000L, 400_000L, 600_000L, 800_000L, 1_000_000L);
  }

  @Test
  void rateDoesNotDriftWithNtscFrameRates() {
    // 29.97 fps for 60 s: 300 frames at 5 fps, not 299 or 360.
    assertThat(selected(SamplingPolicy.fps(5), 30_000.0 / 1001, 1798)).hasSize(300);
  }

  @Test
  void sourceSlowerThanTheTargetKeepsEveryFrame() {
    assertThat(selected(SamplingPolicy.fps(10), 4, 8)).hasSize(8);
  }

  @Test
  void gapInMediaTimeRestartsTheGrid() {
    FrameSampler sampler = SamplingPolicy.fps(5).newSampler();
    assertThat(sampler.select(0, false)).isTrue();
    assertThat(sampler.select(40_000, false)).isFalse();
    assertThat(sampler.select(10_000_000, false)).isTrue();
    assertThat(sampler.select(10_040_000, false)).isFalse();
    assertThat(sampler.select(10_200_000, false)).isTrue();
  }

  @Test
  void keyFramesAndAllModes() {
    assertThat(selected(SamplingPolicy.keyFrames(), 25, 25)).hasSize(3);
    assertThat(selected(SamplingPolicy.everyFrame(), 25, 25)).hasSize(25);
  }

  @Test
  void invalidRateIsRefused() {
    assertThatThrownBy(() -> SamplingPolicy.fps(0)).hasMessageContaining("fps 0.0");
  }

  @Test
  void framesAwayFromTheGridAreNotNeededAndThoseNearItAre() {
    FrameSampler sampler = SamplingPolicy.fps(5).newSampler();
    assertThat(sampler.mightSelect(120_000, 80_000)).isTrue(); // no grid yet
    sampler.select(0, true);

    assertThat(sampler.mightSelect(40_000, 80_000)).isTrue();
    assertThat(sampler.mightSelect(120_000, 80_000)).isFalse();
    assertThat(sampler.mightSelect(199_500, 80_000)).isTrue();
    assertThat(sampler.mightSelect(200_000, 80_000)).isTrue();
    assertThat(sampler.mightSelect(360_000, 80_000)).isFalse();
    assertThat(sampler.mightSelect(60_000_000, 80_000)).isTrue(); // far ahead: a gap, decode
    assertThat(SamplingPolicy.everyFrame().newSampler().mightSelect(120_000, 80_000)).isTrue();
  }
}
