package io.facetrail.app.run;

import java.util.Locale;

/** Formats media times (positions in a video) for people: {@code 01:23.4}, {@code 1:02:03.4}. */
final class MediaTime {
  private MediaTime() {}

  static String format(double millis) {
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

  static String range(double fromMillis, double toMillis) {
    return format(fromMillis) + "–" + format(toMillis);
  }
}
