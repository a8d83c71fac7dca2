package io.facetrail.outbound.webhook;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.outbound.config.WebhookSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
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
        // HTTP/1.1: the default HTTP/2 asks a plain-http receiver to upgrade (h2c) on every new
        // connection, which small receivers (Python's http.server) mishandle.
        .version(HttpClient.Version.HTTP_1_1)
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
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpTimeoutException | ConnectException e) {
        throw e;
      } catch (IOException e) {
        // The pool handed out a kept-alive connection the receiver had closed ("header parser
        // received no bytes"): 38 of 1000 POSTs in a row to Python's http.server. Sent again at
        // once on a new connection, as OkHttp does, rather than waiting out a back-off.
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      }
      // The response body is not read: the request timeout does not cover it, so a receiver
      // sending an endless or trickling body would hold this webhook for ever. Closing it unread
      // costs only the connection's reuse when there was a body.
      response.body().close();
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
