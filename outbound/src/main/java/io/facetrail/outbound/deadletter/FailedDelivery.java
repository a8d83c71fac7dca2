package io.facetrail.outbound.deadletter;

import java.util.Objects;

/**
 * Why an event went to the dead-letter topic.
 *
 * @param target the target's name ({@code webhook-0}, {@code mqtt}), or {@code none} for a record
 *     that is not an identity event
 * @param host the webhook's host (and port), never its path, query or secret; empty for others
 * @param status the last outcome: an HTTP status ({@code 503}), {@code timeout}, {@code
 *     connection}, {@code queue_full} or {@code malformed}
 * @param attempts attempts made (0 when none was: a full queue, a malformed record)
 * @param error the last error (its class and message go into the headers; messages name no URL)
 */
public record FailedDelivery(
    String target, String host, String status, int attempts, Throwable error) {
  public FailedDelivery {
    Objects.requireNonNull(target, "target");
    host = host == null ? "" : host;
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
  }
}
