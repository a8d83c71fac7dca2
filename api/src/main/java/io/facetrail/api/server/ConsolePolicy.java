package io.facetrail.api.server;

/**
 * The console's Content Security Policy: its own scripts, styles and images only (thumbnails are
 * served by the API as images, live events come over SSE from the same origin), no inline script,
 * no framing. A script injected through a person's name could not run.
 */
final class ConsolePolicy {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  private ConsolePolicy() {}
}
