package io.facetrail.app;

import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into a clear message and an exit code. Expected failures (bad
 * configuration, bad input) print their message only; unexpected ones also log the stack trace.
 */
final class CliErrorHandler implements IExecutionExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(CliErrorHandler.class);

  /** Exit code for invalid configuration or arguments (as sysexits' EX_CONFIG). */
  static final int EXIT_CONFIG = 78;

  /** Exit code for a failure while running. */
  static final int EXIT_FAILURE = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    if (ex instanceof InvalidConfigurationException) {
      cmd.getErr().println(cmd.getColorScheme().errorText(ex.getMessage()));
      return EXIT_CONFIG;
    }
    if (ex instanceof CommandLine.ParameterException pe) {
      cmd.getErr().println(cmd.getColorScheme().errorText(pe.getMessage()));
      return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
    if (ex instanceof UserFacingException) {
      cmd.getErr().println(cmd.getColorScheme().errorText("error: " + ex.getMessage()));
      return EXIT_FAILURE;
    }
    log.error("{} failed", cmd.getCommandName(), ex);
    cmd.getErr()
        .println(
            cmd.getColorScheme()
                .errorText("error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage()));
    return EXIT_FAILURE;
  }
}
