package io.facetrail.contracts.topic;

import java.util.Locale;

/** A processing stage of the pipeline; each has its own dead-letter topic. */
public enum Stage {
  INGEST,
  EMBEDDER,
  TRACKER,
  MATCHER;

  /** Lower-case name used in topic names, headers and metric tags. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
