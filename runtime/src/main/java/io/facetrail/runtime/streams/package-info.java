/**
 * Hosting a Kafka Streams application: the one place that starts, watches and stops the tracker's,
 * the matcher's and the all-in-one mode's Streams clients, with one failure policy ({@link
 * io.facetrail.runtime.streams.ThreadFailurePolicy}) and one meaning of ready ({@link
 * io.facetrail.runtime.streams.StreamsReadiness}); and the parts of a topology one module hands to
 * another's application ({@link io.facetrail.runtime.streams.StreamsPart}).
 */
package io.facetrail.runtime.streams;
