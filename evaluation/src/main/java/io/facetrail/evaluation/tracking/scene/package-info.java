/**
 * Generated test sequences with exact ground truth: real LFW faces composited over a generated
 * background, moving along scripted paths, crossing and hiding each other, leaving the frame and
 * coming back.
 */
package io.facetrail.evaluation.tracking.scene;
