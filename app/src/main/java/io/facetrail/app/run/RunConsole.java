package io.facetrail.app.run;

import java.io.PrintStream;

/**
 * What the run tells the person at the terminal besides the events: short status lines on standard
 * error (standard output carries only events and the summary, or only JSON events).
 */
public final class RunConsole {
  private final PrintStream err;

  public RunConsole(PrintStream err) {
    this.err = err;
  }

  /** Prints one status line. */
  public void status(String message) {
    err.println("facetrail: " + message);
    err.flush();
  }

  /** Where per-photo enrolment outcomes go. */
  public PrintStream report() {
    return err;
  }
}
