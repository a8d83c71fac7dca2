/**
 * {@code facetrail bench tracker}: association throughput on a synthetic crowd, one JSON line per
 * configuration measured.
 */
package io.facetrail.benchmarks.tracker;
