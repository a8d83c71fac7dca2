package io.facetrail.trainer.cli;

import io.facetrail.evaluation.progress.ConsoleProgress;
import io.facetrail.trainer.augment.ChipAugmenter;
import io.facetrail.trainer.chips.Chip;
import io.facetrail.trainer.features.FeatureCache;
import io.facetrail.trainer.features.TrunkFeatures;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The trunk-feature cache file beside a chip file, named by everything its features depend on
 * (input size tag, first trained unit, augmentation, seed), so that train triplet and train
 * harmonic share one file where they cut the network at the same place.
 */
final class TrunkFeatureFile {
  private TrunkFeatureFile() {}

  /**
   * @param inputTag empty for the full-resolution trunk, else e.g. {@code -crop104}
   */
  static FeatureCache open(
      Path chipFile,
      String inputTag,
      int firstUnit,
      ChipAugmenter augmenter,
      long seed,
      int variants) {
    String name =
        String.format(
            Locale.ROOT,
            "%s%s-trunk%d-aug%s-%s-%s-seed%d.features",
            chipFile.getFileName(),
            inputTag,
            firstUnit,
            augmenter.maxScale(),
            augmenter.maxShift(),
            augmenter.maxColour(),
            seed);
    return FeatureCache.open(chipFile.resolveSibling(name), variants);
  }

  /**
   * Computes what the cache lacks: the plain and mirrored chip of every evaluation photo, and
   * {@code variants} variants of every training photo.
   *
   * @param what the progress bars' prefix, empty for none
   */
  static void fill(
      TrunkFeatures trunk,
      FeatureCache cache,
      List<Chip> evalChips,
      List<Chip> trainChips,
      int variants,
      String what) {
    String prefix = what.isEmpty() ? "" : what + " ";
    try (var bar = ConsoleProgress.bar(prefix + "trunk features (eval)", evalChips.size())) {
      trunk.fill(evalChips, 2, cache, bar::step);
    }
    try (var bar = ConsoleProgress.bar(prefix + "trunk features (train)", trainChips.size())) {
      trunk.fill(trainChips, variants, cache, bar::step);
    }
  }
}
