/**
 * {@code facetrail eval detection}: LFW faces of known pose and size composited into real and
 * generated backgrounds, dimmed, blurred and compressed, found by FaceTrail's detector and by the
 * reference library on the same frames; recall per yaw, size, light and degradation bucket, false
 * positives per frame, and faces that fill the whole image (tight crops).
 */
package io.facetrail.evaluation.detection;
