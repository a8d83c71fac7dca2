package io.facetrail.runtime.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as people write them in configuration: {@code 500ms}, {@code 5s}, {@code 2m},
 * {@code 1h}, {@code 30d}, or ISO-8601 ({@code PT5S}). A bare number is refused: its unit would be
 * a guess.
 */
public final class DurationParser {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

  private DurationParser() {}

  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    if (m.matches()) {
      double amount = Double.parseDouble(m.group(1));
      double millis =
          switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 86_400_000;
          };
      if (millis >= Long.MAX_VALUE) {
        throw tooLong(text);
      }
      return Duration.ofMillis(Math.round(millis));
    }
    if (t.startsWith("p")) {
      Duration d;
      try {
        d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration", e);
      }
      try {
        d.toMillis();
      } catch (ArithmeticException e) {
        throw tooLong(text);
      }
      return d;
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a duration: write e.g. 500ms, 5s, 2m, 1h, 30d or PT5S");
  }

  /**
   * Every duration read is one whose milliseconds fit in a long, so that the services' {@code
   * toMillis()} never overflows: before, as EmbedderConfigFuzzTest's seed shows, {@code
   * batching.maxWait=PT9223372036854775807S} made configuration validation end in an
   * ArithmeticException instead of a listed problem, and {@code 100000000000000000000d} silently
   * became Long.MAX_VALUE milliseconds.
   */
  private static IllegalArgumentException tooLong(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is too long a duration (at most " + Long.MAX_VALUE + "ms)");
  }

  /** Formats a duration the way {@link #parse} reads it, in the largest exact unit. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms != 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0 && ms != 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms != 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1_000 == 0) {
      return ms / 1_000 + "s";
    }
    return ms + "ms";
  }
}
