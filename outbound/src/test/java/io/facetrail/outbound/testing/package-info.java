/** Real servers and Kafka helpers for the outbound integration tests. */
package io.facetrail.outbound.testing;
