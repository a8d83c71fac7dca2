package io.facetrail.tracker.track;

/** A track the tracker let go of, and why. */
public record Removal(Track track, EndCause cause) {}
