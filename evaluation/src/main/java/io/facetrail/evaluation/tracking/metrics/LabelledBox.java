package io.facetrail.evaluation.tracking.metrics;

import io.facetrail.tracker.box.BoundingBox;

/** A box of one object (ground truth) or one track (hypothesis) in one frame. */
public record LabelledBox(long id, BoundingBox box) {}
