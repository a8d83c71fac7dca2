/**
 * Test helpers: generated videos, loopback HTTP and RTSP servers, reading back the frames topic,
 * per-test Kafka topics, recording listeners.
 */
package io.facetrail.ingest.testing;
