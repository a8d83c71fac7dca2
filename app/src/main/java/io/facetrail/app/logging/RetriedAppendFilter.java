package io.facetrail.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the in-process broker's error lines for appends the producer retries by design, which
 * otherwise fill a user's terminal with stack traces in the middle of {@code run} and {@code index}
 * output under load. With transactions v2 (Kafka 4) a broker refuses a batch whose sequence is not
 * 0 when it holds no state for the producer yet (KAFKA-18202), typically when the first batch is
 * still being verified; the refusal is a retriable {@code OutOfOrderSequenceException} that the
 * client retries, so nothing is lost, but the broker's {@code ReplicaManager} logs each one at
 * ERROR. Only that case is dropped: any other append error is still shown.
 */
public final class RetriedAppendFilter extends Filter<ILoggingEvent> {
  static final String LOGGER = "kafka.server.ReplicaManager";
  static final String EXCEPTION = "org.apache.kafka.common.errors.OutOfOrderSequenceException";
  static final String RETRIED_CASE = "idempotent producer with no existing state";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    if (LOGGER.equals(event.getLoggerName())
        && thrown != null
        && EXCEPTION.equals(thrown.getClassName())
        && thrown.getMessage() != null
        && thrown.getMessage().contains(RETRIED_CASE)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
