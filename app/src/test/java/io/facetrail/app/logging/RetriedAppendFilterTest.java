package io.facetrail.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

class RetriedAppendFilterTest {
  private static final String RETRIED =
      "Invalid sequence number for producer 1 at offset 13 in partition facetrail.tracks.v1-2: 2"
          + " (incoming seq. number). Expected sequence 0 for transactions v2 idempotent producer"
          + " with no existing state.";

  private static LoggingEvent event(String logger, Throwable t) {
    LoggerContext context = new LoggerContext();
    Logger l = context.getLogger(logger);
    return new LoggingEvent(
        Logger.class.getName(), l, Level.ERROR, "Error processing append operation", t, null);
  }

  @Test
  void dropsOnlyTheBrokersRetriedSequenceRefusals() {
    RetriedAppendFilter f = new RetriedAppendFilter();
    assertThat(
            f.decide(event(RetriedAppendFilter.LOGGER, new OutOfOrderSequenceException(RETRIED))))
        .isEqualTo(FilterReply.DENY);
    // Another sequence error, the same error from another logger, another exception: shown.
    assertThat(
            f.decide(
                event(
                    RetriedAppendFilter.LOGGER,
                    new OutOfOrderSequenceException("Out of order sequence number: 51, 49"))))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(f.decide(event("kafka.log.UnifiedLog", new OutOfOrderSequenceException(RETRIED))))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(f.decide(event(RetriedAppendFilter.LOGGER, new IllegalStateException(RETRIED))))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(f.decide(event(RetriedAppendFilter.LOGGER, null))).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void theShippedConfigurationFiltersBothFormats() throws Exception {
    for (String format : new String[] {"text", "json"}) {
      LoggerContext context = new LoggerContext();
      context.putProperty("FACETRAIL_LOG_FORMAT", format);
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(getClass().getResource("/logback.xml"));
      var appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(format);
      assertThat(appender).as(format).isNotNull();
      assertThat(appender.getCopyOfAttachedFiltersList())
          .as(format)
          .hasAtLeastOneElementOfType(RetriedAppendFilter.class);
    }
  }
}
