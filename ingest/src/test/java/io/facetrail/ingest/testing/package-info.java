/** Test helpers: generated videos, reading back the frames topic, per-test Kafka topics. */
package io.facetrail.ingest.testing;
