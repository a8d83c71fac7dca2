package io.facetrail.evaluation.quality;

import io.facetrail.evaluation.detection.Pixels;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.quality.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One way a photo is degraded before it is coded: the measure it is meant to move and how far.
 *
 * @param measure the measure degraded; null for the photo as it is (its natural pose and size)
 * @param amount target face height in px, blur sigma in px, or light gain, by measure
 */
record Degradation(Measure measure, double amount) {
  /** Sensor noise of the dimmed photos, grey levels (as {@code eval detection}'s dim frames). */
  static final double DIM_NOISE = 3;

  static final Degradation ORIGINAL = new Degradation(null, 0);

  /** The photo as it is, six face heights, four blurs and four dimmings. */
  static List<Degradation> standard() {
    List<Degradation> out = new ArrayList<>();
    out.add(ORIGINAL);
    for (double h : new double[] {24, 32, 40, 60, 90, 150}) {
      out.add(new Degradation(Measure.FACE_HEIGHT, h));
    }
    for (double sigma : new double[] {1, 2, 3, 4.5}) {
      out.add(new Degradation(Measure.SHARPNESS, sigma));
    }
    for (double gain : new double[] {0.5, 0.3, 0.15, 0.08}) {
      out.add(new Degradation(Measure.BRIGHTNESS, gain));
    }
    return out;
  }

  /** E.g. {@code original}, {@code height 24px}, {@code blur sigma 2}, {@code light x0.15}. */
  String label() {
    if (measure == null) {
      return "original";
    }
    return switch (measure) {
      case FACE_HEIGHT -> String.format(Locale.ROOT, "height %.0fpx", amount);
      case SHARPNESS -> String.format(Locale.ROOT, "blur sigma %s", trim(amount));
      case BRIGHTNESS -> String.format(Locale.ROOT, "light x%s", trim(amount));
      case YAW -> throw new IllegalStateException("yaw is measured on natural poses only");
    };
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * The degraded photo.
   *
   * @param faceHeight the face's height in the photo as it is (landmarks), for the size changes
   * @param rng the dimmed photos' noise
   */
  RgbImage apply(RgbImage photo, double faceHeight, Random rng) {
    if (measure == null) {
      return photo;
    }
    return switch (measure) {
      case FACE_HEIGHT -> {
        double f = amount / faceHeight;
        yield Pixels.resized(
            photo,
            Math.max(8, (int) Math.round(photo.width() * f)),
            Math.max(8, (int) Math.round(photo.height() * f)));
      }
      case SHARPNESS -> Pixels.blurred(photo, amount);
      case BRIGHTNESS -> Pixels.dimmed(photo, amount, DIM_NOISE, rng);
      case YAW -> throw new IllegalStateException("yaw is measured on natural poses only");
    };
  }
}
