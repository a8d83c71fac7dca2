package io.facetrail.outbound.webhook;

/** A webhook answered with a status other than 2xx. */
public final class WebhookStatusException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  public WebhookStatusException(int status) {
    super("HTTP " + status);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
