package io.facetrail.faces.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distance thresholds of one embedding model for given per-comparison false-accept rates (FAR).
 *
 * <p>Thresholds apply to {@link io.facetrail.contracts.code.FaceCode#distance(byte[], byte[])}
 * between 128-byte codes, the form in which the gallery and the matcher compare faces. They are
 * measured on impostor pairs of one set of identities and checked on a disjoint set ({@code
 * checkedFalseAcceptRate}), so a configured FAR is an operating point rather than a magic distance.
 *
 * <p>A track is judged by the mean of several faces, and a mean sits closer to everybody than one
 * photo does (the photo's own noise is averaged away): at the threshold of single photos, tracks of
 * 3 or 5 strangers' photos were named 1.5-4.7 times as often as configured (matcher/README.md).
 * {@code tracks} therefore holds thresholds measured the same way for aggregates of several photos
 * against single photos; {@link #thresholdFor(double, int)} uses them.
 *
 * @param modelId the embedding model these thresholds belong to
 * @param source how and on what data the table was computed
 * @param points one row per calibrated FAR, for one face against one face
 * @param tracks thresholds for aggregates of more than one face, by the number of faces; empty in
 *     tables written before 2026-12-07 and in trained models' tables, which then judge every track
 *     by {@code points}
 */
public record CalibrationTable(
    String modelId, String source, List<Point> points, List<TrackPoints> tracks) {
  /** Class-path folder of the shipped tables. */
  public static final String RESOURCE_FOLDER = "/io/facetrail/faces/calibration/";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * One operating point.
   *
   * @param falseAcceptRate the target FAR per comparison (e.g. 1e-3)
   * @param threshold largest code distance still called a match at that FAR
   * @param checkedFalseAcceptRate FAR this threshold gave on the held-out identities
   * @param trueAcceptRate share of genuine held-out pairs accepted at this threshold
   */
  public record Point(
      double falseAcceptRate,
      double threshold,
      double checkedFalseAcceptRate,
      double trueAcceptRate) {}

  /**
   * Thresholds for the quality-weighted mean of {@code faces} faces of one track (the matcher's
   * aggregate, re-quantised) compared with one stored face.
   *
   * @param faces faces in the aggregate, at least 2
   * @param points one row per calibrated FAR
   */
  public record TrackPoints(int faces, List<Point> points) {
    public TrackPoints {
      if (faces < 2) {
        throw new IllegalArgumentException("track thresholds need at least 2 faces, got " + faces);
      }
      points = sortedChecked(points, "tracks of " + faces + " faces");
    }
  }

  public CalibrationTable {
    Objects.requireNonNull(modelId, "modelId");
    points = sortedChecked(points, modelId);
    tracks =
        tracks == null
            ? List.of()
            : tracks.stream().sorted(Comparator.comparingInt(TrackPoints::faces)).toList();
  }

  /** A table without track thresholds. */
  public CalibrationTable(String modelId, String source, List<Point> points) {
    this(modelId, source, points, List.of());
  }

  /** This table with {@code tracks} in place of its track thresholds. */
  public CalibrationTable withTracks(List<TrackPoints> newTracks) {
    return new CalibrationTable(modelId, source, points, newTracks);
  }

  private static List<Point> sortedChecked(List<Point> points, String what) {
    if (points == null || points.isEmpty()) {
      throw new IllegalArgumentException("calibration of " + what + " has no points");
    }
    for (Point p : points) {
      if (!(p.falseAcceptRate() > 0 && p.falseAcceptRate() < 1) || !(p.threshold() > 0)) {
        throw new IllegalArgumentException("calibration of " + what + " has a bad point " + p);
      }
    }
    return points.stream().sorted(Comparator.comparingDouble(Point::falseAcceptRate)).toList();
  }

  /** The table shipped for {@code modelId}, if any. */
  public static Optional<CalibrationTable> forModel(String modelId) {
    try (InputStream in =
        CalibrationTable.class.getResourceAsStream(RESOURCE_FOLDER + modelId + ".json")) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the calibration of " + modelId, e);
    }
  }

  /** Parses a table from JSON. */
  public static CalibrationTable read(InputStream json) {
    try {
      return MAPPER.readValue(json, CalibrationTable.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "malformed calibration table: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes the table as JSON (used by the calibration tool). */
  public String toJson() {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
  }

  /**
   * The distance threshold for a target FAR. Between calibrated points the threshold is
   * interpolated linearly in log(FAR); outside the calibrated range the call is refused rather than
   * extrapolated.
   *
   * @throws IllegalArgumentException when {@code far} lies outside the calibrated range
   */
  public double thresholdFor(double far) {
    return interpolate(points, far, modelId);
  }

  /**
   * The distance threshold for a target FAR when the query is the aggregate of {@code faces} faces:
   * the thresholds of the smallest calibrated aggregate of at least that many faces (stricter than
   * needed in between, never looser), of the largest one beyond it, and of single faces for one
   * face or a table without track thresholds. A track's frames are far more alike than a person's
   * photos, so its aggregate of many frames is judged as one of a few photos.
   *
   * @throws IllegalArgumentException when {@code far} lies outside that table's calibrated range
   */
  public double thresholdFor(double far, int faces) {
    TrackPoints t = tableFor(faces);
    return t == null ? thresholdFor(far) : interpolate(t.points(), far, modelId);
  }

  /** The track thresholds {@link #thresholdFor(double, int)} uses, or null for single faces. */
  public TrackPoints tableFor(int faces) {
    if (faces <= 1 || tracks.isEmpty()) {
      return null;
    }
    for (TrackPoints t : tracks) {
      if (t.faces() >= faces) {
        return t;
      }
    }
    return tracks.get(tracks.size() - 1);
  }

  /** The calibrated FAR range for aggregates of {@code faces} faces: {lowest, highest}. */
  public double[] farRange(int faces) {
    TrackPoints t = tableFor(faces);
    List<Point> p = t == null ? points : t.points();
    return new double[] {p.get(0).falseAcceptRate(), p.get(p.size() - 1).falseAcceptRate()};
  }

  private static double interpolate(List<Point> points, double far, String modelId) {
    Point low = points.get(0);
    Point high = points.get(points.size() - 1);
    double tolerance = 1e-9;
    if (far < low.falseAcceptRate() * (1 - tolerance)
        || far > high.falseAcceptRate() * (1 + tolerance)) {
      throw new IllegalArgumentException(
          "false-accept rate "
              + far
              + " is outside the calibrated range "
              + low.falseAcceptRate()
              + ".."
              + high.falseAcceptRate()
              + " of model "
              + modelId);
    }
    for (int i = 0; i + 1 < points.size(); i++) {
      Point a = points.get(i);
      Point b = points.get(i + 1);
      if (far <= b.falseAcceptRate() * (1 + tolerance)) {
        double t =
            (Math.log(far) - Math.log(a.falseAcceptRate()))
                / (Math.log(b.falseAcceptRate()) - Math.log(a.falseAcceptRate()));
        t = Math.max(0, Math.min(1, t));
        return a.threshold() + t * (b.threshold() - a.threshold());
      }
    }
    return low.threshold();
  }
}
