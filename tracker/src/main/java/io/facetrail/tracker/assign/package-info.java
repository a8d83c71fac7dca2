/** Optimal one-to-one assignment of tracks to detections (the Hungarian method). */
package io.facetrail.tracker.assign;
