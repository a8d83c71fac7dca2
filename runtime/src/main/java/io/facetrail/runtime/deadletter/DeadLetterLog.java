package io.facetrail.runtime.deadletter;

import io.facetrail.contracts.deadletter.DeadLetter;
import org.slf4j.Logger;

/**
 * The log line of a dead letter: the error's class and the record's topic, partition and offset,
 * never the error's message. Messages often quote the record (a parser's "unexpected byte at ...",
 * a JSON excerpt, a person's name from a failed lookup), and records carry face data; the message
 * travels with the dead letter itself, in its {@code facetrail.dlq.error.message} header, where
 * only whoever may read the topic reads it.
 */
final class DeadLetterLog {
  private DeadLetterLog() {}

  static void warn(Logger log, DeadLetter letter) {
    log.warn(
        "Dead letter from {}-{}@{}: {} (message in the dead letter's headers)",
        letter.sourceTopic(),
        letter.sourcePartition(),
        letter.sourceOffset(),
        letter.errorClass());
  }
}
