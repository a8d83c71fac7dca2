package io.facetrail.faces.quality;

import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a face counts toward an identity decision: it does when, on every measure of the
 * model's {@link GateTable}, the bucket it falls in had a measured genuine acceptance of at least
 * the floor. Immutable and thread-safe.
 */
public final class QualityGate {
  private final Map<Measure, GateTable.MeasureBuckets> buckets;
  private final double floor;

  /**
   * @param table the measured buckets
   * @param floor minimum measured acceptance, 0..1 (0 lets every face through)
   */
  public QualityGate(GateTable table, double floor) {
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("floor must be in 0..1, got " + floor);
    }
    this.buckets = table.byMeasure();
    this.floor = floor;
  }

  /** The gate of {@code modelId}'s shipped table at {@code floor}, if the model has a table. */
  public static Optional<QualityGate> forModel(String modelId, double floor) {
    return GateTable.forModel(modelId).map(t -> new QualityGate(t, floor));
  }

  public double floor() {
    return floor;
  }

  /**
   * The first measure (in {@link Measure} order) on which {@code m} falls in a bucket below the
   * floor; empty when the face counts.
   */
  public Optional<Measure> failing(FaceMeasures m) {
    for (Measure measure : Measure.values()) {
      GateTable.MeasureBuckets b = buckets.get(measure);
      if (b != null && b.bucketOf(measure.value(m)).trueAcceptRate() < floor) {
        return Optional.of(measure);
      }
    }
    return Optional.empty();
  }
}
