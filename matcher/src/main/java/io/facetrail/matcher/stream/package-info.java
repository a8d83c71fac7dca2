/**
 * The matcher as a Kafka Streams application: a side-effect-free topology (tracks topic in,
 * identity topic out) that composes into other Streams applications, the per-track processor, and
 * the service that runs it with its gallery, metrics and health.
 */
package io.facetrail.matcher.stream;
