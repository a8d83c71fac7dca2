package io.facetrail.outbound.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real webhook receiver on a loopback port (the JDK's HTTP server): records every request it gets
 * and answers with the status its policy chooses for it.
 */
public final class RecordingReceiver implements AutoCloseable {
  /** One request as received. */
  public record Request(Map<String, String> headers, byte[] body, int answered) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Function<Request, Integer> policy;
  private final List<Request> requests = new ArrayList<>();

  /**
   * @param policy the status to answer a request with (its {@code answered} field is 0 when asked)
   */
  public RecordingReceiver(Function<Request, Integer> policy) throws IOException {
    this.policy = policy;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    this.executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL of {@code path} (with query) on this receiver. */
  public URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, String> headers = new java.util.HashMap<>();
    ex.getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    int status;
    synchronized (this) {
      status = policy.apply(new Request(Map.copyOf(headers), body, 0));
      requests.add(new Request(Map.copyOf(headers), body, status));
    }
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  /** Every request so far, in the order received. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
