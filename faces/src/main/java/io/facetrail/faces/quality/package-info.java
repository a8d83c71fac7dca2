/**
 * A per-face quality score in 0..1 from the face's size, the sharpness of its aligned chip and its
 * head pose estimated from the landmarks, for filtering faces before matching or enrolment.
 */
package io.facetrail.faces.quality;
