package io.facetrail.outbound.webhook;

/** The request headers of a webhook delivery (documented for receivers in outbound/README.md). */
public final class WebhookHeaders {
  /** The event's deterministic id: receivers drop an id they have already processed. */
  public static final String EVENT_ID = "X-FaceTrail-Event-Id";

  /** identified, changed, ended or unknown. */
  public static final String EVENT_TYPE = "X-FaceTrail-Event-Type";

  /** The attempt number, 1 for the first. */
  public static final String DELIVERY = "X-FaceTrail-Delivery";

  /** When this attempt was signed, in unix seconds. */
  public static final String TIMESTAMP = "X-FaceTrail-Timestamp";

  /** {@code sha256=<hex>}: see {@link WebhookSignature}. */
  public static final String SIGNATURE = "X-FaceTrail-Signature";

  private WebhookHeaders() {}
}
