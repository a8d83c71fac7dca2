package io.facetrail.tracker.track;

/**
 * A new track recognised, at the moment it would have been confirmed, as a lost track coming back:
 * the lost track continues (same number) and the new one, never published, is dropped.
 *
 * @param from the new track, now gone
 * @param into the lost track, confirmed again
 */
public record Merge(Track from, Track into) {}
