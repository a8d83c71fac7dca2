/**
 * {@code facetrail bench archive}: search over the track archive and re-deciding it after gallery
 * changes, on synthetic tracks.
 */
package io.facetrail.benchmarks.archive;
