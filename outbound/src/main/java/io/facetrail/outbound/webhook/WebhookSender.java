package io.facetrail.outbound.webhook;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.outbound.config.WebhookSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;

/** Makes one signed POST of an event to a webhook and classifies the outcome. */
final class WebhookSender {
  static final String USER_AGENT = "FaceTrail-Webhook/1";

  private final WebhookSettings settings;
  private final HttpClient client;
  private final Clock clock;

  /**
   * @param client built for this webhook (redirects not followed, connect timeout set)
   */
  WebhookSender(WebhookSettings settings, HttpClient client, Clock clock) {
    this.settings = settings;
    this.client = client;
    this.clock = clock;
  }

  /** The HTTP client of one webhook: redirects are refused, connecting takes at most timeout. */
  static HttpClient client(WebhookSettings settings) {
    return HttpClient.newBuilder()
        .connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * POSTs {@code body} (the event's bytes as on the topic) as attempt number {@code attempt}.
   *
   * @throws InterruptedException when the service is closing
   */
  Attempt send(IdentityEvent event, byte[] body, int attempt) throws InterruptedException {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header(WebhookHeaders.EVENT_ID, event.eventId())
            .header(WebhookHeaders.EVENT_TYPE, event.type().json())
            .header(WebhookHeaders.DELIVERY, Integer.toString(attempt))
            .header(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
            .header(
                WebhookHeaders.SIGNATURE,
                WebhookSignature.sign(settings.secret().reveal(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return Attempt.ofStatus(
          response.statusCode(),
          RetryAfter.parse(
              response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
    } catch (HttpTimeoutException e) {
      return Attempt.failed("timeout", new WebhookTransportException("timeout", e));
    } catch (IOException e) {
      return Attempt.failed("connection", new WebhookTransportException("connection failed", e));
    }
  }
}
