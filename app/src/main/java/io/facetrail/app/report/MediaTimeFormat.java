package io.facetrail.app.report;

import java.util.Locale;

/** Formats media times (positions in a video) for people: {@code 01:23.4}, {@code 1:02:03.4}. */
public final class MediaTimeFormat {
  private MediaTimeFormat() {}

  /** A position to a tenth of a second. */
  public static String format(double millis) {
    long tenths = Math.round(Math.max(0, millis) / 100.0);
    long seconds = tenths / 10;
    long h = seconds / 3600;
    long m = (seconds / 60) % 60;
    long s = seconds % 60;
    long t = tenths % 10;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d.%d", h, m, s, t)
        : String.format(Locale.ROOT, "%02d:%02d.%d", m, s, t);
  }

  /** A range, e.g. {@code 00:01.0–00:04.5}. */
  public static String range(double fromMillis, double toMillis) {
    return format(fromMillis) + "–" + format(toMillis);
  }

  /** A range of a timeline. */
  public static String range(TimeRange r) {
    return range(r.fromMs(), r.toMs());
  }

  /** A length for people: {@code 4.5 s}, {@code 3 min 20 s}, {@code 1 h 02 min}. */
  public static String length(double millis) {
    long s = Math.round(millis / 1000.0);
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s / 60) % 60);
  }
}
