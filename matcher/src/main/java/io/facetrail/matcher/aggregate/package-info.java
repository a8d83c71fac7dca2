/**
 * Per-track aggregation, YouTube-Faces style: the quality-weighted mean of the L2-normalised
 * embeddings of a track's first N good observations, kept as the track's state between records; its
 * state-store encoding (a version byte and a protobuf message, {@code
 * facetrail/matcher/v1/state.proto}).
 */
package io.facetrail.matcher.aggregate;
