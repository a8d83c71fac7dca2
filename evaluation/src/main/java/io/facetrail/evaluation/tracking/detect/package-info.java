/**
 * What the tracking evaluation needs from face models: frame image in, detected faces with codes
 * out. Implemented on the face library, so the evaluation's detections are real model outputs.
 */
package io.facetrail.evaluation.tracking.detect;
