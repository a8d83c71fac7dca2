package io.facetrail.app.report;

import java.util.List;
import java.util.Locale;

/**
 * Draws who appears when in one video as an inline SVG: one row per identified person, one row for
 * the unknown faces, bars where they are on screen (hover for times), and a time axis.
 */
final class TimelineSvg {
  static final int WIDTH = 960;
  private static final int LABEL = 180;
  private static final int RIGHT = 16;
  private static final int AXIS = 22;
  private static final int ROW = 24;
  private static final double[] TICK_SECONDS = {
    0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400
  };
  private static final String UNKNOWN_COLOUR = "#8f8f8f"; // PersonColour.UNKNOWN

  private TimelineSvg() {}

  static String render(VideoTimeline v) {
    List<PersonAppearance> persons = v.persons();
    List<TrackRecord> unknown = v.unknownTracks();
    int rows = persons.size() + (unknown.isEmpty() ? 0 : 1);
    int height = AXIS + Math.max(rows, 1) * ROW + 6;
    double end = Math.max(v.axisEndMs(), 1000);
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"timeline\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
            WIDTH,
            height,
            Html.esc("Who appears when in " + v.input())));
    axis(b, end, height);
    int row = 0;
    for (PersonAppearance p : persons) {
      label(b, row, p.name());
      for (TimeRange r : p.ranges()) {
        bar(b, row, r, end, Html.personColour(p.personId()), p.name());
      }
      row++;
    }
    if (!unknown.isEmpty()) {
      label(b, row, "unknown faces");
      for (TrackRecord t : unknown) {
        bar(b, row, t.range(), end, UNKNOWN_COLOUR, "unknown face, track " + t.trackId());
      }
    } else if (persons.isEmpty()) {
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" class=\"none\">no faces</text>",
              LABEL,
              AXIS + 16));
    }
    return b.append("</svg>").toString();
  }

  private static void axis(StringBuilder b, double endMs, int height) {
    double step = TICK_SECONDS[TICK_SECONDS.length - 1];
    for (double s : TICK_SECONDS) {
      if (endMs / 1000 / s <= 10) {
        step = s;
        break;
      }
    }
    for (double t = 0; t <= endMs / 1000 + 1e-9; t += step) {
      double x = x(t * 1000, endMs);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>"
                  + "<text x=\"%.1f\" y=\"14\" class=\"tick\">%s</text>",
              x,
              AXIS - 4,
              x,
              height,
              x,
              MediaTimeFormat.format(t * 1000).replaceFirst("\\.0$", "")));
    }
  }

  private static void label(StringBuilder b, int row, String text) {
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" class=\"row\">%s</text>",
            LABEL - 8,
            AXIS + row * ROW + 16,
            Html.esc(text)));
  }

  private static void bar(
      StringBuilder b, int row, TimeRange r, double endMs, String colour, String who) {
    double x0 = x(r.fromMs(), endMs);
    double w = Math.max(2, x(r.toMs(), endMs) - x0);
    b.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\">"
                + "<title>%s</title></rect>",
            x0,
            AXIS + row * ROW + 4,
            w,
            ROW - 8,
            colour,
            Html.esc(who + ": " + MediaTimeFormat.range(r))));
  }

  private static double x(double ms, double endMs) {
    return LABEL + (WIDTH - LABEL - RIGHT) * Math.min(1, Math.max(0, ms / endMs));
  }
}
