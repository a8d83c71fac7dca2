/**
 * The embedder service: consumes the frames topic in a consumer group, batches frames across
 * partitions and streams, runs face detection, alignment and embedding on a model worker per
 * device, and produces one faces record per frame in input order, with exactly-once Kafka
 * transactions.
 */
package io.facetrail.embedder;
