/**
 * Identity decisions on track aggregates: the distance threshold for the configured false-accept
 * rate (from the model's calibration table), the margin to the second-best person, the minimum
 * number of good frames, and hysteresis before an identified track changes person.
 */
package io.facetrail.matcher.decision;
