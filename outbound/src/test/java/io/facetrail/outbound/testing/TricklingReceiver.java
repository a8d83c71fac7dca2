package io.facetrail.outbound.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real receiver on loopback that answers 200 at once and then sends a response body that never
 * ends (one byte, then nothing until it is closed): what a broken or hostile receiver can do.
 */
public final class TricklingReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> eventIds = new ArrayList<>();

  public TricklingReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange ex) throws IOException {
    ex.getRequestBody().readAllBytes();
    synchronized (eventIds) {
      eventIds.add(ex.getRequestHeaders().getFirst("X-FaceTrail-Event-Id"));
    }
    ex.sendResponseHeaders(200, 0);
    ex.getResponseBody().write('x');
    ex.getResponseBody().flush();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ex.close();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow");
  }

  /** The event ids of every request so far. */
  public List<String> eventIds() {
    synchronized (eventIds) {
      return List.copyOf(eventIds);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
