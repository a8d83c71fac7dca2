package io.facetrail.trainer.cli;

import io.facetrail.evaluation.progress.ConsoleProgress;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.trainer.chips.Chip;
import io.facetrail.trainer.chips.ChipCache;
import io.facetrail.trainer.chips.ChipExtractor;
import io.facetrail.trainer.data.LfwFolds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** The photos and chips a training command needs for its fold splits. */
final class FoldData {
  private final LfwFolds folds;
  private final boolean allPhotos;

  /**
   * @param allPhotos train on every photo of the training people, not only those their pairs name
   */
  FoldData(LfwFolds folds, boolean allPhotos) {
    this.folds = folds;
    this.allPhotos = allPhotos;
  }

  /** The photos training may use when {@code fold} is held out. */
  List<String> trainingPhotos(int fold) {
    Set<String> people = folds.trainingIdentities(fold);
    List<Integer> others =
        IntStream.rangeClosed(1, folds.foldCount()).filter(f -> f != fold).boxed().toList();
    List<String> photos = allPhotos ? folds.photosOfFolds(others) : folds.pairPhotosOfFolds(others);
    return photos.stream().filter(p -> people.contains(p.substring(0, p.indexOf('/')))).toList();
  }

  /** The training photos of a fold split grouped by person, for the P x K sampler. */
  Map<String, List<String>> trainingPhotosByPerson(int fold) {
    Map<String, List<String>> byPerson = new LinkedHashMap<>();
    for (String p : trainingPhotos(fold)) {
      byPerson.computeIfAbsent(p.substring(0, p.indexOf('/')), k -> new ArrayList<>()).add(p);
    }
    return byPerson;
  }

  /** The pair photos of every fold: what the held-out evaluations embed. */
  List<String> evaluationPhotos() {
    return folds.pairPhotosOfFolds(IntStream.rangeClosed(1, folds.foldCount()).boxed().toList());
  }

  /** {@code evalPhotos} and the training photos of every fold in {@code targets}, in order. */
  Set<String> neededPhotos(List<String> evalPhotos, List<Integer> targets) {
    Set<String> needed = new LinkedHashSet<>(evalPhotos);
    for (int f : targets) {
      needed.addAll(trainingPhotos(f));
    }
    return needed;
  }

  /**
   * What every fold run starts from: the chips of the evaluation photos and of the training photos
   * of every fold in {@code targets} (cut where the chip cache lacks them).
   *
   * @param chipFile the chip cache, beside which the trunk-feature caches go
   * @param evalPhotos the pair photos of every fold, in order
   * @param trainPhotos the photos training may draw (the evaluation photos among them), in order
   */
  record Chips(
      Path chipFile,
      List<String> evalPhotos,
      List<String> trainPhotos,
      List<Chip> evalChips,
      List<Chip> trainChips) {}

  /** The {@link Chips} of a run over {@code targets}, cut by {@code settings}' pipeline. */
  Chips chipsFor(FacePipelineSettings settings, Path chipFile, List<Integer> targets) {
    List<String> evalPhotos = evaluationPhotos();
    Set<String> needed = neededPhotos(evalPhotos, targets);
    Map<String, Chip> chips = chips(settings, chipFile, needed);
    return new Chips(
        chipFile,
        evalPhotos,
        List.copyOf(needed),
        evalPhotos.stream().map(chips::get).toList(),
        needed.stream().map(chips::get).toList());
  }

  /** The chips of {@code photos}, cutting (and caching) those the cache file lacks. */
  Map<String, Chip> chips(FacePipelineSettings settings, Path file, Set<String> photos) {
    Map<String, Chip> out = new LinkedHashMap<>();
    try (ChipCache cache = ChipCache.open(file)) {
      List<String> missing = photos.stream().filter(p -> !cache.contains(p)).toList();
      if (!missing.isEmpty()) {
        try (FacePipeline pipeline = FacePipeline.create(settings);
            var bar = ConsoleProgress.bar("LFW chips", missing.size())) {
          new ChipExtractor(pipeline).extract(folds.images(), missing, cache, bar::step);
        }
      }
      for (String p : photos) {
        out.put(
            p,
            cache
                .get(p)
                .orElseThrow(() -> new IllegalStateException("chip missing after extraction")));
      }
    }
    return out;
  }
}
