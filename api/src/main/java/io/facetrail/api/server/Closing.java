package io.facetrail.api.server;

import java.util.Deque;

/** Closes what a composition opened, newest first, every one even when some fail. */
public final class Closing {
  private Closing() {}

  /**
   * Pops and closes every element of {@code opened}.
   *
   * @param what what is being closed, for the exception's message
   * @throws IllegalStateException after all were tried, carrying the first failure and the others
   *     as suppressed
   */
  public static void all(Deque<AutoCloseable> opened, String what) {
    RuntimeException first = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing " + what + " failed", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
