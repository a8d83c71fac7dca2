/**
 * Videos indexed by {@code facetrail index}: their timelines and faces, read from the index's
 * output folder (format {@code facetrail-timeline} v1), with persons the gallery no longer has
 * shown as unknown.
 */
package io.facetrail.api.videos;
