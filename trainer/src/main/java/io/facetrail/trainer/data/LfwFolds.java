package io.facetrail.trainer.data;

import io.facetrail.evaluation.lfw.LfwLayout;
import io.facetrail.evaluation.lfw.LfwPairs;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * LFW's verification folds seen as sets of identities. The ten folds of {@code pairs.txt} name
 * disjoint sets of people, so training on the identities of nine folds and testing on the pairs of
 * the tenth never shows the network a test identity.
 *
 * @param images the deep-funneled image folder ({@code <Name>/<Name>_NNNN.jpg})
 * @param pairs the protocol
 */
public record LfwFolds(Path images, LfwPairs pairs) {

  /**
   * Opens an LFW folder holding {@code lfw-deepfunneled/} (or being it) and {@code pairs.txt}.
   *
   * @throws UserFacingException when either is missing
   */
  public static LfwFolds open(Path lfwDir, Path pairsFile) {
    Path images = LfwLayout.existingImages(lfwDir);
    Path protocol = LfwLayout.pairsFile(lfwDir, pairsFile);
    if (!Files.isRegularFile(protocol)) {
      throw new UserFacingException("LFW protocol file not found: " + protocol);
    }
    return new LfwFolds(images, LfwPairs.read(protocol));
  }

  public int foldCount() {
    return pairs.folds().size();
  }

  /** The pairs of fold {@code fold} (1-based). */
  public List<LfwPairs.Pair> pairsOf(int fold) {
    checkFold(fold);
    return pairs.folds().get(fold - 1);
  }

  /** The people named in fold {@code fold} (1-based), in order of appearance. */
  public Set<String> identitiesOf(int fold) {
    Set<String> ids = new LinkedHashSet<>();
    for (LfwPairs.Pair p : pairsOf(fold)) {
      ids.add(p.nameA());
      ids.add(p.nameB());
    }
    return ids;
  }

  /** The people of every fold but {@code testFold}: the only ones training may see. */
  public Set<String> trainingIdentities(int testFold) {
    checkFold(testFold);
    Set<String> ids = new LinkedHashSet<>();
    for (int f = 1; f <= foldCount(); f++) {
      if (f != testFold) {
        ids.addAll(identitiesOf(f));
      }
    }
    ids.removeAll(identitiesOf(testFold));
    return ids;
  }

  /** Every photo of a person, as paths relative to {@link #images()}, sorted. */
  public List<String> photosOf(String identity) {
    try (Stream<Path> files = Files.list(images.resolve(identity))) {
      return files
          .map(f -> identity + "/" + f.getFileName())
          .filter(p -> p.endsWith(".jpg"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the photos of " + identity, e);
    }
  }

  /** Every photo of every person of the given folds (1-based), without repeats. */
  public List<String> photosOfFolds(List<Integer> folds) {
    Set<String> photos = new LinkedHashSet<>();
    for (int f : folds) {
      for (String id : identitiesOf(f)) {
        photos.addAll(photosOf(id));
      }
    }
    return new ArrayList<>(photos);
  }

  /** The photos named by the pairs of the given folds (1-based), in order, without repeats. */
  public List<String> pairPhotosOfFolds(List<Integer> folds) {
    Set<String> photos = new LinkedHashSet<>();
    for (int f : folds) {
      for (LfwPairs.Pair p : pairsOf(f)) {
        photos.add(LfwPairs.imagePath(p.nameA(), p.indexA()));
        photos.add(LfwPairs.imagePath(p.nameB(), p.indexB()));
      }
    }
    return new ArrayList<>(photos);
  }

  private void checkFold(int fold) {
    if (fold < 1 || fold > foldCount()) {
      throw new UserFacingException("fold " + fold + " is not within 1-" + foldCount());
    }
  }
}
