package io.facetrail.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.trainer.augment.ChipAugmenter;
import io.facetrail.trainer.features.FeatureCache;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrunkFeatureFileTest {
  @TempDir Path dir;

  /**
   * The names train triplet and train harmonic gave their caches before they shared this class: a
   * changed name would silently recompute every user's cached features.
   */
  @Test
  void namesTheCacheAsBothTrainersDid() {
    Path chips = dir.resolve("chips-v1.chips");
    ChipAugmenter a = ChipAugmenter.defaults();
    try (FeatureCache full = TrunkFeatureFile.open(chips, "", 11, a, 1, 3);
        FeatureCache small = TrunkFeatureFile.open(chips, "-crop104", 7, a, 5, 3)) {
      assertThat(full.file().getFileName().toString())
          .isEqualTo("chips-v1.chips-trunk11-aug0.08-0.04-0.2-seed1.features");
      assertThat(small.file().getFileName().toString())
          .isEqualTo("chips-v1.chips-crop104-trunk7-aug0.08-0.04-0.2-seed5.features");
    }
    assertThat(dir.resolve("chips-v1.chips-trunk11-aug0.08-0.04-0.2-seed1.features")).exists();
  }
}
