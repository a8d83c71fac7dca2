package io.facetrail.evaluation.identification;

import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The identification split of LFW. People named in folds 6-10 of {@code pairs.txt} (the folds are
 * person-disjoint) are strangers: never enrolled, every image of theirs a query that must be
 * rejected. Every other person is enrolled with their first image and queried with the rest (the
 * people with one image only are enrolled distractors, so that galleries of 1,000 and more persons
 * can be drawn).
 *
 * @param enrolled person to their images (first = enrolment image), sorted by name
 * @param strangers person to their images, sorted by name
 */
public record LfwSplit(Map<String, List<Path>> enrolled, Map<String, List<Path>> strangers) {

  /**
   * Refuses an LFW root that does not hold {@code pairs.txt} and {@code lfw-deepfunneled/}, with a
   * message saying so (the commands that read LFW codes check this before loading any model).
   */
  static void requireLayout(Path lfwRoot) {
    if (!Files.exists(lfwRoot.resolve("pairs.txt"))
        || !Files.isDirectory(lfwRoot.resolve("lfw-deepfunneled"))) {
      throw new UserFacingException(lfwRoot + " does not hold pairs.txt and lfw-deepfunneled/");
    }
  }

  /** Reads the split from an LFW root holding {@code lfw-deepfunneled/} and {@code pairs.txt}. */
  public static LfwSplit read(Path lfwRoot, int maxPeople) {
    Path images = lfwRoot.resolve("lfw-deepfunneled");
    Set<String> heldOut = peopleOfFolds(lfwRoot.resolve("pairs.txt"), 6, 10);
    Map<String, List<Path>> enrolled = new TreeMap<>();
    Map<String, List<Path>> strangers = new TreeMap<>();
    try (Stream<Path> people = Files.list(images)) {
      for (Path person : people.filter(Files::isDirectory).sorted().toList()) {
        List<Path> photos;
        try (Stream<Path> files = Files.list(person)) {
          photos =
              files
                  .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jpg"))
                  .sorted()
                  .toList();
        }
        String name = person.getFileName().toString();
        if (heldOut.contains(name)) {
          if (strangers.size() < maxPeople) {
            strangers.put(name, photos);
          }
        } else if (!photos.isEmpty() && enrolled.size() < maxPeople) {
          enrolled.put(name, photos);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + images, e);
    }
    return new LfwSplit(enrolled, strangers);
  }

  static Set<String> peopleOfFolds(Path pairs, int firstFold, int lastFold) {
    List<String> lines;
    try {
      lines = Files.readAllLines(pairs, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pairs, e);
    }
    String[] head = lines.get(0).trim().split("\\s+");
    int folds = Integer.parseInt(head[0]);
    int perHalf = Integer.parseInt(head[1]);
    Set<String> out = new HashSet<>();
    for (int fold = firstFold; fold <= Math.min(lastFold, folds); fold++) {
      int start = 1 + (fold - 1) * 2 * perHalf;
      for (int i = start; i < start + 2 * perHalf && i < lines.size(); i++) {
        String[] f = lines.get(i).trim().split("\\s+");
        out.add(f[0]);
        if (f.length == 4) {
          out.add(f[2]);
        }
      }
    }
    return out;
  }

  /**
   * The fit protocol: the held-out people of folds 6-10 are left out altogether, and every second
   * person of folds 1-5 (seeded) becomes a stranger in their place, so that choices made on this
   * split never see the identities the report is about.
   */
  public LfwSplit forFitting(Path lfwRoot, long seed) {
    List<String> fitFolds = new ArrayList<>(peopleOfFolds(lfwRoot.resolve("pairs.txt"), 1, 5));
    fitFolds.retainAll(enrolled.keySet());
    java.util.Collections.sort(fitFolds);
    java.util.Collections.shuffle(fitFolds, new java.util.Random(seed));
    Set<String> pseudo = new HashSet<>(fitFolds.subList(0, fitFolds.size() / 2));
    Map<String, List<Path>> gallery = new TreeMap<>();
    Map<String, List<Path>> fitStrangers = new TreeMap<>();
    enrolled.forEach(
        (name, photos) -> (pseudo.contains(name) ? fitStrangers : gallery).put(name, photos));
    return new LfwSplit(gallery, fitStrangers);
  }

  /**
   * This split without the strangers who are enrolled under another name ({@code aliases}: a name
   * to the other names of the same person).
   */
  public LfwSplit withoutEnrolledAliases(Map<String, Set<String>> aliases) {
    Map<String, List<Path>> kept = new TreeMap<>();
    strangers.forEach(
        (name, photos) -> {
          if (aliases.getOrDefault(name, Set.of()).stream().noneMatch(enrolled::containsKey)) {
            kept.put(name, photos);
          }
        });
    return new LfwSplit(enrolled, kept);
  }

  /** Every image of the split. */
  public List<Path> allImages() {
    List<Path> out = new ArrayList<>();
    enrolled.values().forEach(out::addAll);
    strangers.values().forEach(out::addAll);
    return out;
  }
}
