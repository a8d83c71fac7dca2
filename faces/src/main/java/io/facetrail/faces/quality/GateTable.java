package io.facetrail.faces.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measured genuine acceptance of one embedding model per bucket of each {@link Measure}, written by
 * {@code facetrail eval quality} and shipped as a resource beside the calibration tables: the share
 * of genuine LFW pairs, one photo degraded into the bucket, accepted at the decision threshold.
 *
 * @param modelId the embedding model measured
 * @param source how and on what data the table was measured
 * @param falseAcceptRate the per-comparison FAR whose calibrated threshold was applied
 * @param threshold that threshold (code distance)
 * @param floor the shipped default floor: a bucket whose acceptance is below it does not count
 * @param measures the buckets of each measure
 */
public record GateTable(
    String modelId,
    String source,
    double falseAcceptRate,
    double threshold,
    double floor,
    List<MeasureBuckets> measures) {
  /** Class-path folder of the shipped tables. */
  public static final String RESOURCE_FOLDER = "/io/facetrail/faces/quality/";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * The buckets of one measure, sorted by {@code from}: a value belongs to the last bucket whose
   * {@code from} it reaches (values below the first bucket's belong to the first).
   */
  public record MeasureBuckets(Measure measure, List<Bucket> buckets) {
    public MeasureBuckets {
      Objects.requireNonNull(measure, "measure");
      if (buckets == null || buckets.isEmpty()) {
        throw new IllegalArgumentException("measure " + measure + " has no buckets");
      }
      buckets = buckets.stream().sorted(Comparator.comparingDouble(Bucket::from)).toList();
    }

    /** The bucket of a value. */
    public Bucket bucketOf(double value) {
      Bucket found = buckets.get(0);
      for (Bucket b : buckets) {
        if (value >= b.from()) {
          found = b;
        }
      }
      return found;
    }
  }

  /**
   * One bucket: its lower edge and what was measured in it.
   *
   * @param from lower edge (inclusive), in the measure's unit
   * @param genuine genuine pairs measured in the bucket
   * @param accepted of them, accepted at the threshold
   * @param trueAcceptRate the acceptance the gate uses: accepted / genuine, made monotone across
   *     buckets (a better bucket never below a worse one) so that sampling noise cannot open a hole
   *     in the gate
   * @param impostors impostor comparisons measured in the bucket
   * @param falseAccepts of them, accepted at the threshold
   */
  public record Bucket(
      double from,
      long genuine,
      long accepted,
      double trueAcceptRate,
      long impostors,
      long falseAccepts) {}

  public GateTable {
    Objects.requireNonNull(modelId, "modelId");
    measures = List.copyOf(measures);
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("floor must be in 0..1, got " + floor);
    }
  }

  /** The buckets by measure (measures absent from the table are not gated). */
  public Map<Measure, MeasureBuckets> byMeasure() {
    Map<Measure, MeasureBuckets> out = new EnumMap<>(Measure.class);
    measures.forEach(m -> out.put(m.measure(), m));
    return out;
  }

  /** The table shipped for {@code modelId}, if any. */
  public static Optional<GateTable> forModel(String modelId) {
    try (InputStream in =
        GateTable.class.getResourceAsStream(RESOURCE_FOLDER + modelId + ".json")) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the quality gate of " + modelId, e);
    }
  }

  /** Parses a table from JSON. */
  public static GateTable read(InputStream json) {
    try {
      return MAPPER.readValue(json, GateTable.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "malformed quality gate table: " + e.getOriginalMessage(), e);
    }
  }

  /** The table as JSON (written by the evaluation). */
  public String toJson() {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
  }
}
