/**
 * Identity decisions on track aggregates: the distance threshold for the configured false-positive
 * identification rate per track decision (turned into a per-comparison false-accept rate for the
 * current gallery size, then into a distance with the model's calibration table), or for a fixed
 * per-comparison rate (the expert setting); the margin to the second-best person; the minimum
 * number of good frames; and hysteresis before an identified track changes person.
 */
package io.facetrail.matcher.decision;
