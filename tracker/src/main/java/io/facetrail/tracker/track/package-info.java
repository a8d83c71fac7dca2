/**
 * Multi-face tracking for one camera: ByteTrack-style two-stage association (confident detections
 * first, weak ones only to keep existing tracks alive) with an appearance term from the face codes,
 * re-identification of lost tracks, and the track lifecycle (tentative, confirmed, lost, removed).
 * Plain Java: no Kafka, no models.
 */
package io.facetrail.tracker.track;
