package io.facetrail.matcher.archive;

import io.facetrail.faces.quality.FaceMeasures;

/**
 * What a track's faces looked like: the means, over its good frames that carried face measures, of
 * the measures the quality gate judges. Clusters and enrolment from a cluster compare poor faces
 * with other poor faces, where blur and darkness make strangers look alike (evaluation/README.md,
 * "Both faces degraded"), so they keep such tracks out.
 *
 * @param heightPx mean face height in frame pixels (NaN: not measured)
 * @param sharpness mean contrast-normalised sharpness of the aligned chip (NaN: not measured)
 * @param brightness mean grey level of the aligned chip, 0..255 (NaN: not measured)
 */
public record FaceQuality(double heightPx, double sharpness, double brightness) {
  /** Faces that were not measured (records of producers before face measures). */
  public static final FaceQuality UNKNOWN = new FaceQuality(Double.NaN, Double.NaN, Double.NaN);

  /** One face's measures (null: not measured). */
  public static FaceQuality of(FaceMeasures m) {
    return m == null ? UNKNOWN : new FaceQuality(m.heightPx(), m.sharpness(), m.brightness());
  }

  /** Whether the faces were measured at all. */
  public boolean measured() {
    return Double.isFinite(heightPx);
  }
}
