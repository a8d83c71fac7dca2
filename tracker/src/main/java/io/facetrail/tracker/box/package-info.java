/** Axis-aligned boxes in frame pixels and their overlap (IoU). */
package io.facetrail.tracker.box;
