package io.facetrail.evaluation.detection;

import java.util.Locale;

/** The report's JSON lines on standard output, numbers in the root locale. */
final class JsonLines {
  private JsonLines() {}

  static void line(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
