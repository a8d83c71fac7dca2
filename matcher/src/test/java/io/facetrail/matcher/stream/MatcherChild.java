package io.facetrail.matcher.stream;

import io.facetrail.matcher.cli.MatcherCommand;
import picocli.CommandLine;

/** Runs {@code facetrail matcher --config FILE} as its own JVM, for the crash test to kill. */
public final class MatcherChild {
  private MatcherChild() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new MatcherCommand()).execute("--config", args[0]));
  }
}
