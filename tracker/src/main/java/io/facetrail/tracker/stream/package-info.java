/**
 * The tracker as a Kafka Streams processor: faces topic in (key = stream id), tracks topic out (key
 * = track id), one changelogged session per stream. The topology is built by side-effect-free
 * static methods and can be added to another application's {@code StreamsBuilder}.
 */
package io.facetrail.tracker.stream;
