package io.facetrail.evaluation.clusters;

import io.facetrail.matcher.archive.ArchivedTrack;

/**
 * A generated-video track as the archive keeps it, with its true person.
 *
 * @param truth the person's label, or {@code none:<trackId>} (see {@link VideoTrack#truth})
 */
public record FoldedTrack(String truth, ArchivedTrack archived) {
  public String trackId() {
    return archived.trackId();
  }
}
