package io.facetrail.app.run;

import ch.qos.logback.classic.Level;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintStream;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the run tells the person at the terminal besides the events: short status lines on standard
 * error (standard output carries only events and the summary, or only JSON events).
 */
public final class RunConsole {
  private final PrintStream err;

  public RunConsole(PrintStream err) {
    this.err = err;
  }

  /**
   * Prints one status line; names and file names in it are printed safely ({@link
   * DisplayText#safe}), so that none can rewrite the terminal.
   */
  public void status(String message) {
    err.println("facetrail: " + DisplayText.safe(message));
    err.flush();
  }

  /**
   * Keeps standard error to FaceTrail's own warnings and the status lines: the in-process broker,
   * Kafka Streams, DJL and Micrometer warn about things that are normal in a one-process run (an
   * empty metadata log, no GPU, a temporary state folder), which would bury the events of the first
   * run. {@code --verbose} shows everything at INFO instead.
   */
  public static void quietLogs() {
    level("io.facetrail", Level.WARN);
    for (String chatty : List.of("org.apache.kafka", "kafka", "ai.djl", "io.micrometer")) {
      level(chatty, Level.ERROR);
    }
  }

  private static void level(String logger, Level level) {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(logger)).setLevel(level);
  }

  /** Where per-photo enrolment outcomes go. */
  public PrintStream report() {
    return err;
  }
}
