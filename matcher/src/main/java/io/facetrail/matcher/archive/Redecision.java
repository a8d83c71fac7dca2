package io.facetrail.matcher.archive;

import java.util.List;

/**
 * What re-deciding the archive found.
 *
 * @param changes tracks whose decision changed (each gets a retroactive identity event)
 * @param updates every decision to store: the changes, and decisions whose nearest persons moved
 *     without changing the outcome (kept so that the next re-decision starts from them)
 * @param examined tracks looked at
 * @param searchedFully tracks compared with the whole gallery (the others with the changed persons
 *     only)
 * @param undecidable tracks whose model has no calibration against the gallery's (left as they are)
 */
public record Redecision(
    List<Change> changes,
    List<TrackDecision> updates,
    long examined,
    long searchedFully,
    long undecidable) {
  public Redecision {
    changes = List.copyOf(changes);
    updates = List.copyOf(updates);
  }

  /**
   * One changed decision.
   *
   * @param track the track (without its thumbnail)
   * @param before its decision until now
   * @param after the new decision
   */
  public record Change(ArchivedTrack track, TrackDecision before, TrackDecision after) {}
}
