package io.facetrail.evaluation.lfw;

import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * LFW's verification protocol file {@code pairs.txt}: a header {@code folds n}, then per fold n
 * matched pairs ({@code name i j}) and n mismatched pairs ({@code name1 i name2 j}).
 *
 * @param folds the pairs of each fold, in file order
 */
public record LfwPairs(List<List<Pair>> folds) {
  /** One pair of images, each named by person and 1-based image number. */
  public record Pair(String nameA, int indexA, String nameB, int indexB, boolean same) {}

  /**
   * Parses a protocol file.
   *
   * @throws UserFacingException naming the line for a malformed file
   */
  public static LfwPairs read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserFacingException(
          "cannot read LFW pairs file " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new UserFacingException("LFW pairs file " + file + " is empty");
    }
    String[] header = lines.get(0).trim().split("\\s+");
    int folds;
    int n;
    try {
      folds = Integer.parseInt(header[0]);
      n = Integer.parseInt(header[1]);
    } catch (RuntimeException e) {
      throw new UserFacingException(
          file + ":1: expected a header 'folds pairs-per-half', got '" + lines.get(0) + "'");
    }
    if (lines.size() < 1 + folds * 2 * n) {
      throw new UserFacingException(
          file
              + " declares "
              + folds
              + " folds of "
              + 2 * n
              + " pairs but has "
              + (lines.size() - 1)
              + " pair lines");
    }
    List<List<Pair>> all = new ArrayList<>();
    int line = 1;
    for (int f = 0; f < folds; f++) {
      List<Pair> fold = new ArrayList<>(2 * n);
      for (int k = 0; k < 2 * n; k++, line++) {
        fold.add(parse(file, line + 1, lines.get(line), k < n));
      }
      all.add(List.copyOf(fold));
    }
    return new LfwPairs(List.copyOf(all));
  }

  private static Pair parse(Path file, int lineNo, String text, boolean same) {
    String[] t = text.trim().split("\\s+");
    try {
      if (same && t.length == 3) {
        return new Pair(t[0], Integer.parseInt(t[1]), t[0], Integer.parseInt(t[2]), true);
      }
      if (!same && t.length == 4) {
        return new Pair(t[0], Integer.parseInt(t[1]), t[2], Integer.parseInt(t[3]), false);
      }
    } catch (NumberFormatException e) {
      // fall through to the error below, which names the line
    }
    throw new UserFacingException(
        file
            + ":"
            + lineNo
            + ": expected a "
            + (same ? "matched pair 'name i j'" : "mismatched pair 'name1 i name2 j'")
            + ", got '"
            + text
            + "'");
  }

  /** The image file of a person's i-th photo under the deep-funneled image folder. */
  public static String imagePath(String name, int index) {
    return name + "/" + name + String.format("_%04d.jpg", index);
  }
}
