/**
 * Which decoded frames ingest publishes: every frame, a target rate by media time, or key frames
 * only. Selection runs before any colour conversion or JPEG encoding, so unselected frames cost
 * only their decoding.
 */
package io.facetrail.ingest.sampling;
