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
 * @param modelId the embedding model these thresholds belong to
 * @param source how and on what data the table was computed
 * @param points one row per calibrated FAR
 */
public record CalibrationTable(String modelId, String source, List<Point> points) {
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

  public CalibrationTable {
    Objects.requireNonNull(modelId, "modelId");
    points = points.stream().sorted(Comparator.comparingDouble(Point::falseAcceptRate)).toList();
    if (points.isEmpty()) {
      throw new IllegalArgumentException("calibration of " + modelId + " has no points");
    }
    for (Point p : points) {
      if (!(p.falseAcceptRate() > 0 && p.falseAcceptRate() < 1) || !(p.threshold() > 0)) {
        throw new IllegalArgumentException("calibration of " + modelId + " has a bad point " + p);
      }
    }
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
