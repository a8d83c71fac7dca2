/**
 * Benchmarks of the assembled pipeline: the embedder service against the bare face library on the
 * same frames, and the whole all-in-one pipeline (real-time factor, capture-to-identity latency).
 * Each prints one JSON object per result line, with its configuration.
 */
package io.facetrail.app.bench;
