package io.facetrail.outbound.webhook;

/**
 * A POST that got no response (no connection, a timeout). Its message names only the kind of
 * failure and the exception's class: the underlying messages may quote the URL, whose query can
 * hold a token, and this message goes into dead-letter headers.
 */
public final class WebhookTransportException extends Exception {
  private static final long serialVersionUID = 1L;

  public WebhookTransportException(String kind, Throwable cause) {
    super(kind + " (" + cause.getClass().getSimpleName() + ")", cause);
  }
}
