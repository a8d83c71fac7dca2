package io.facetrail.evaluation.shots;

import java.util.ArrayList;
import java.util.List;

/** Parses seed lists: {@code 11-20}, {@code 3,5,8}, or both ({@code 1-3,7}). */
final class SeedRange {
  private SeedRange() {}

  static List<Long> parse(String text) {
    List<Long> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      int dash = p.indexOf('-', 1);
      try {
        if (dash > 0) {
          long from = Long.parseLong(p.substring(0, dash));
          long to = Long.parseLong(p.substring(dash + 1));
          if (to < from || to - from > 10_000) {
            throw new IllegalArgumentException("seed range " + p + " is empty or too long");
          }
          for (long s = from; s <= to; s++) {
            out.add(s);
          }
        } else {
          out.add(Long.parseLong(p));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a seed or seed range: '" + p + "'", e);
      }
    }
    return out;
  }
}
