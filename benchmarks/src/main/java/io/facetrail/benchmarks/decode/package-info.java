/**
 * {@code facetrail bench decode}: ingest's decode, sample, encode and publish rate against a bare
 * JavaCV {@code grabImage()} loop over the same file with the same FFmpeg thread count, in one run.
 */
package io.facetrail.benchmarks.decode;
