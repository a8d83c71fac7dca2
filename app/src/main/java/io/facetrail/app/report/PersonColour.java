package io.facetrail.app.report;

import java.awt.Color;

/**
 * The colour of a person in reports and annotated videos: derived from the person's id, so the same
 * person has the same colour everywhere and in every run.
 */
public final class PersonColour {
  private static final double SATURATION = 0.60;
  private static final double LIGHTNESS = 0.45;

  /** Unknown faces are grey everywhere. */
  public static final Color UNKNOWN = new Color(0x8f, 0x8f, 0x8f);

  private PersonColour() {}

  static int hue(String personId) {
    return Math.floorMod(personId.hashCode() * 47, 360);
  }

  /** The colour as CSS. */
  public static String css(String personId) {
    return String.format(
        java.util.Locale.ROOT,
        "hsl(%d,%d%%,%d%%)",
        hue(personId),
        Math.round(SATURATION * 100),
        Math.round(LIGHTNESS * 100));
  }

  /** The same colour for Java2D (HSL converted to RGB). */
  public static Color awt(String personId) {
    double h = hue(personId) / 60.0;
    double c = (1 - Math.abs(2 * LIGHTNESS - 1)) * SATURATION;
    double x = c * (1 - Math.abs(h % 2 - 1));
    double m = LIGHTNESS - c / 2;
    double[] rgb =
        switch ((int) h) {
          case 0 -> new double[] {c, x, 0};
          case 1 -> new double[] {x, c, 0};
          case 2 -> new double[] {0, c, x};
          case 3 -> new double[] {0, x, c};
          case 4 -> new double[] {x, 0, c};
          default -> new double[] {c, 0, x};
        };
    return new Color(
        (int) Math.round((rgb[0] + m) * 255),
        (int) Math.round((rgb[1] + m) * 255),
        (int) Math.round((rgb[2] + m) * 255));
  }
}
