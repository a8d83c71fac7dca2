/**
 * The all-in-one mode ({@code facetrail run}): an in-process Kafka broker, the gallery, and every
 * stage of the pipeline in one JVM, over files or live streams, printing identity events as they
 * happen and a per-input summary at the end.
 */
package io.facetrail.app.run;
