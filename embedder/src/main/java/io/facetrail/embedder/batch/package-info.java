/**
 * Micro-batching of polled records across partitions and streams: a batch closes when it is full or
 * when its oldest record has waited the configured maximum.
 */
package io.facetrail.embedder.batch;
