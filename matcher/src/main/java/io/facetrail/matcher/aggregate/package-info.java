/**
 * Per-track aggregation, YouTube-Faces style: the quality-weighted mean of the L2-normalised
 * embeddings of a track's first N good observations, kept as the track's state between records.
 */
package io.facetrail.matcher.aggregate;
