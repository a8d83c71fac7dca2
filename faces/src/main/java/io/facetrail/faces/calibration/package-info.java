/**
 * Calibrated decision thresholds per embedding model: the distance below which two faces are called
 * the same person, for a chosen false-accept rate. Shipped with each model as a JSON resource
 * {@code /io/facetrail/faces/calibration/<modelId>.json}.
 */
package io.facetrail.faces.calibration;
