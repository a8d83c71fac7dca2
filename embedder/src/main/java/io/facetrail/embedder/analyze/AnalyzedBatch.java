package io.facetrail.embedder.analyze;

import io.facetrail.faces.pipeline.StageTimings;
import java.util.List;

/**
 * The outcome of each frame of a batch, in input order, and the time the batch spent in each stage.
 */
public record AnalyzedBatch(List<FrameOutcome> outcomes, StageTimings timings) {
  public AnalyzedBatch {
    outcomes = List.copyOf(outcomes);
  }

  public int faceCount() {
    return outcomes.stream()
        .mapToInt(o -> o instanceof FrameOutcome.Analyzed a ? a.faces().size() : 0)
        .sum();
  }
}
