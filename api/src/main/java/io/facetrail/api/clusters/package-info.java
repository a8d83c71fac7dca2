/**
 * Clusters of unknown faces over HTTP: the track archive's unknown tracks grouped as the matcher
 * groups them ({@code io.facetrail.matcher.cluster}), listed, shown track by track, and named (a
 * person enrolled from the cluster's best tracks, the archive re-decided, the retroactive events
 * published when the API has a broker).
 */
package io.facetrail.api.clusters;
