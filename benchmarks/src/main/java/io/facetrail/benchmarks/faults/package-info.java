/**
 * {@code facetrail bench faults}: the pipeline as separate processes (a Kafka broker, a
 * redis-server, ingest, embedder, tracker, matcher) run once without a fault and once per fault
 * (broker restart, Redis stop and start, SIGKILL of a stage), each run's identity events compared
 * with the unfaulted run's by their deterministic event ids.
 */
package io.facetrail.benchmarks.faults;
