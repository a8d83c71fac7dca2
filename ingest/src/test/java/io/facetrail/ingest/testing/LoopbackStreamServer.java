package io.facetrail.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live-like HTTP video source on loopback: serves a file's bytes paced to a multiple of real
 * time, and can be killed (every connection cut) and restarted on the same port, or made to hang
 * after a prefix (a stalled camera). Bounded: a hanging response gives up after 30 s.
 */
public final class LoopbackStreamServer implements AutoCloseable {
  private final byte[] content;
  private final double bytesPerSecond;
  private final int port;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile int hangAfterBytes = -1;
  private volatile boolean hangReleased;
  private HttpServer server;

  /**
   * @param content the stream's bytes (an MPEG-TS file)
   * @param durationSeconds the media length of {@code content}
   * @param speed how many times faster than real time to send
   */
  public LoopbackStreamServer(byte[] content, double durationSeconds, double speed)
      throws IOException {
    this.content = content;
    this.bytesPerSecond = content.length / durationSeconds * speed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      this.port = s.getLocalPort();
    }
  }

  /** Starts (or restarts) serving {@code /live.ts}. */
  public synchronized void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/live.ts", this::serve);
    server.start();
  }

  /** Cuts every connection and stops listening, like a camera losing power. */
  public synchronized void kill() {
    if (server != null) {
      hangReleased = true;
      server.stop(0);
      server = null;
    }
  }

  /** From now on, each response stops sending (without closing) after {@code bytes}. */
  public void hangAfter(int bytes) {
    hangAfterBytes = bytes;
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/live.ts";
  }

  /** How many requests have been answered. */
  public int connections() {
    return connections.get();
  }

  private void serve(HttpExchange ex) throws IOException {
    connections.incrementAndGet();
    hangReleased = false;
    ex.getResponseHeaders().set("Content-Type", "video/mp2t");
    ex.sendResponseHeaders(200, 0);
    long started = System.nanoTime();
    try (OutputStream out = ex.getResponseBody()) {
      int sent = 0;
      int chunk = 4096;
      while (sent < content.length) {
        int limit = hangAfterBytes;
        if (limit >= 0 && sent >= limit) {
          hang();
          return;
        }
        int n = Math.min(chunk, content.length - sent);
        out.write(content, sent, n);
        out.flush();
        sent += n;
        long due = started + (long) (sent / bytesPerSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away or the server was killed: the end of this response.
    }
  }

  private void hang() throws InterruptedException {
    long giveUp = System.nanoTime() + 30_000_000_000L;
    while (!hangReleased && System.nanoTime() < giveUp) {
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    kill();
  }
}
