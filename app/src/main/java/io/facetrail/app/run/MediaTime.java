package io.facetrail.app.run;

import io.facetrail.app.report.MediaTimeFormat;

/** Formats media times (positions in a video) for people: {@code 01:23.4}, {@code 1:02:03.4}. */
final class MediaTime {
  private MediaTime() {}

  static String format(double millis) {
    return MediaTimeFormat.format(millis);
  }

  static String range(double fromMillis, double toMillis) {
    return MediaTimeFormat.range(fromMillis, toMillis);
  }
}
