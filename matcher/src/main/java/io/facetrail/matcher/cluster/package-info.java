/**
 * Clusters of unknown faces: ended tracks that named nobody, grouped across streams and videos into
 * clusters with persistent ids (single linkage at a threshold from the calibration tables, so the
 * grouping is a function of the tracks held, whatever their order). {@link
 * io.facetrail.matcher.cluster.UnknownClusters} is the in-memory index the matcher assigns each
 * unknown track with; {@link io.facetrail.matcher.cluster.ArchivedClusters} rebuilds it from the
 * track archive, where each track keeps the cluster id it was given.
 */
package io.facetrail.matcher.cluster;
