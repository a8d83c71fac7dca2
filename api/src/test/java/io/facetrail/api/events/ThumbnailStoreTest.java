package io.facetrail.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbnailStoreTest {
  private static byte[] jpeg(int marker) {
    return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) marker};
  }

  @Test
  void keepsTheBestQualityObservationUntilTheTrackEnds() {
    ThumbnailStore s = new ThumbnailStore(10);
    s.observed("t", jpeg(1), 0.5f);
    s.observed("t", jpeg(2), 0.9f);
    s.observed("t", jpeg(3), 0.7f);
    assertThat(s.get("t")).contains(jpeg(2));
    s.ended("t", jpeg(4), 0.6f);
    assertThat(s.get("t")).as("the tracker's best face wins").contains(jpeg(4));
    s.observed("t", jpeg(5), 0.99f);
    assertThat(s.get("t")).contains(jpeg(4));
  }

  @Test
  void dropsTheLeastRecentlyUsedTrackBeyondItsCapacity() {
    ThumbnailStore s = new ThumbnailStore(2);
    s.observed("a", jpeg(1), 0.5f);
    s.observed("b", jpeg(2), 0.5f);
    assertThat(s.get("a")).isPresent();
    s.observed("c", jpeg(3), 0.5f);
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.get("b")).as("b was used least recently").isEmpty();
    assertThat(s.get("a")).isPresent();
    assertThat(s.get("c")).isPresent();
  }

  @Test
  void anErasedTracksFaceIsDroppedAndNeverTakenBack() {
    ThumbnailStore s = new ThumbnailStore(10);
    s.observed("t", jpeg(1), 0.5f);
    s.erase(List.of("t"));
    assertThat(s.has("t")).isFalse();
    s.observed("t", jpeg(2), 0.9f);
    s.ended("t", jpeg(3), 0.9f);
    assertThat(s.get("t")).isEmpty();
  }

  @Test
  void refusesEmptyAndOversizedImagesAndKeepsNothingWithCapacityZero() {
    ThumbnailStore s = new ThumbnailStore(10);
    s.observed("empty", new byte[0], 0.9f);
    s.observed("huge", new byte[ThumbnailStore.MAX_JPEG_BYTES + 1], 0.9f);
    assertThat(s.size()).isZero();
    ThumbnailStore none = new ThumbnailStore(0);
    none.observed("t", jpeg(1), 0.5f);
    assertThat(none.get("t")).isEmpty();
  }
}
