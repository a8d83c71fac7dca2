/**
 * Speed benchmarks as CLI commands ({@code facetrail bench embed}, {@code facetrail bench detect}):
 * each prints one JSON object per result line with its exact configuration, including the share of
 * a measured convolution ceiling the embedding network reaches.
 */
package io.facetrail.benchmarks.faces;
