/**
 * The tracker's state-store format: a stream's session (tracks, Kalman states, appearance, ledgers,
 * counters) to bytes and back, as Protobuf behind a format-version byte.
 */
package io.facetrail.tracker.state;
