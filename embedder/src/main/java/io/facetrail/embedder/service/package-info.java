/**
 * The embedder as a Kafka service: consume-transform-produce loops with exactly-once transactions,
 * the model worker, metrics, health and lifecycle.
 */
package io.facetrail.embedder.service;
