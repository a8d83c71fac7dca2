/**
 * Publishing dead letters: from plain consumers ({@link
 * io.facetrail.runtime.deadletter.DeadLetterPublisher}) and from Kafka Streams applications
 * (exception handlers that return the dead-letter record to Streams, so it is written in the same
 * exactly-once transaction as the rest of the output).
 */
package io.facetrail.runtime.deadletter;
