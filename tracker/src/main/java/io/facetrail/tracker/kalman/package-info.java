/**
 * A constant-velocity Kalman filter on a face box (centre and size), driven by elapsed time so that
 * variable frame rates and dropped frames need no special handling.
 */
package io.facetrail.tracker.kalman;
