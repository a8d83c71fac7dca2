package io.facetrail.deploy.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback (the JDK's HTTP server) that accepts every POST with 204, as a VMS
 * would, so that outbound's delivery meters move during the pipeline test.
 */
final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger received = new AtomicInteger();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the webhook receiver", e);
    }
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext(
        "/events",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
          }
          receiver.received.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    return receiver;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
  }

  int received() {
    return received.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
