package io.facetrail.matcher.aggregate;

import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.faces.quality.FaceMeasures;
import io.facetrail.faces.quality.QualityGate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether an observation counts toward its track's decision. A face with measures, of a
 * model with a shipped gate table ({@link io.facetrail.faces.quality.GateTable}), counts when every
 * measure falls in a bucket whose measured genuine acceptance reaches the floor (the table's own
 * floor, or the expert setting); any other face counts when its single quality score reaches {@code
 * minQuality}, as before the gate. Thread-safe.
 */
public final class FrameGate {
  private final double minQuality;
  private final Double floor;
  private final boolean useTables;
  private final Map<String, Optional<QualityGate>> gates = new ConcurrentHashMap<>();

  private FrameGate(double minQuality, Double floor, boolean useTables) {
    this.minQuality = minQuality;
    this.floor = floor;
    this.useTables = useTables;
  }

  /**
   * The measured gate.
   *
   * @param minQuality the quality score floor for faces without measures or gate table
   * @param floor the expert floor on measured acceptance, null for each table's shipped floor
   */
  public static FrameGate measured(double minQuality, Double floor) {
    return new FrameGate(minQuality, floor, true);
  }

  /** A gate on the single quality score only (evaluations of photos without measures). */
  public static FrameGate qualityOnly(double minQuality) {
    return new FrameGate(minQuality, null, false);
  }

  /** Why the observation does not count, or empty when it does. */
  public Optional<FrameProblem> judge(TrackObservation o) {
    if (useTables && o.hasMeasures()) {
      Optional<QualityGate> gate = gates.computeIfAbsent(o.getModelId(), this::load);
      if (gate.isPresent()) {
        var m = o.getMeasures();
        FaceMeasures measures =
            new FaceMeasures(
                m.getHeightPx(), m.getSharpness(), m.getBrightness(), m.getYawDegrees());
        return gate.get().failing(measures).map(FrameProblem::of);
      }
    }
    return o.getQuality() < minQuality ? Optional.of(FrameProblem.LOW_QUALITY) : Optional.empty();
  }

  private Optional<QualityGate> load(String modelId) {
    return io.facetrail.faces.quality.GateTable.forModel(modelId)
        .map(t -> new QualityGate(t, floor == null ? t.floor() : floor));
  }
}
