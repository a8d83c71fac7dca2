/**
 * Measurements of FaceTrail's face models against ground truth and against the reference library:
 * commands only, never on a runtime path.
 */
package io.facetrail.evaluation;
