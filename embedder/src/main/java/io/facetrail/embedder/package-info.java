/**
 * Consumes frames, detects, aligns and embeds every face in batches, produces the faces topic with
 * exactly-once transactions.
 */
package io.facetrail.embedder;
