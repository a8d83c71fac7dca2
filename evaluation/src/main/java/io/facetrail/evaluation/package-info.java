/**
 * Measurements of FaceTrail's face models and stages against ground truth and against the reference
 * library ({@code facetrail eval ...}): commands only, never on a runtime path.
 */
package io.facetrail.evaluation;
