package io.facetrail.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves the files of one folder over HTTP on loopback (an HLS origin, for instance). */
public final class LoopbackFileServer implements AutoCloseable {
  private final Path root;
  private final HttpServer server;

  public LoopbackFileServer(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/", this::serve);
    server.start();
  }

  /** The URL of {@code file} (relative to the root). */
  public String url(String file) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + file;
  }

  private void serve(HttpExchange ex) throws IOException {
    Path file = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    byte[] body = Files.readAllBytes(file);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
