package io.facetrail.runtime.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log line of every logger while a test runs, with the messages of the exceptions attached,
 * so that a test can check that no secret is ever logged. The client libraries' loggers named at
 * construction are opened to the given level for the duration: INFO is where Kafka prints its
 * configuration, DEBUG where Jedis tells about its connections (the test configuration keeps them
 * at WARN).
 */
public final class RecordedLogs implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Map<Logger, Level> previous = new HashMap<>();

  /**
   * Starts recording.
   *
   * @param level the level of the {@code opened} loggers while recording
   * @param opened logger names (e.g. {@code org.apache.kafka})
   */
  public RecordedLogs(Level level, String... opened) {
    for (String name : opened) {
      Logger l = (Logger) LoggerFactory.getLogger(name);
      previous.put(l, l.getLevel());
      l.setLevel(level);
    }
    appender.start();
    root.addAppender(appender);
  }

  /** Every event so far: level, logger, message and each exception's class and message. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (ILoggingEvent e : List.copyOf(appender.list)) {
      sb.append(e.getLevel())
          .append(' ')
          .append(e.getLoggerName())
          .append(" - ")
          .append(e.getFormattedMessage())
          .append('\n');
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        sb.append("  caused by ")
            .append(t.getClassName())
            .append(": ")
            .append(t.getMessage())
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** How many events were recorded (a check that the recording saw anything at all). */
  public int count() {
    return appender.list.size();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    previous.forEach(Logger::setLevel);
  }
}
