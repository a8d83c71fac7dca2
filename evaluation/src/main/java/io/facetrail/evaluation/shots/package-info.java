/**
 * {@code facetrail eval shots}: shot-boundary precision and recall on videos assembled from real
 * footage with known cuts, fades, dissolves, whip pans, flashes and pans, decoded by ingest's own
 * decoder and signature path.
 */
package io.facetrail.evaluation.shots;
