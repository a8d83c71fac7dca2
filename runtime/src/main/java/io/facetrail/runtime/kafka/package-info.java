/**
 * Kafka plumbing shared by every service: connection settings (with TLS/SASL passed through),
 * client defaults that give the pipeline's guarantees (idempotent producers, exactly-once Streams),
 * topic creation, and the in-process KRaft broker of the all-in-one mode and the integration tests.
 */
package io.facetrail.runtime.kafka;
