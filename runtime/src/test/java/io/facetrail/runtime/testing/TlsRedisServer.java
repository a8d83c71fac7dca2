package io.facetrail.runtime.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a spare loopback port that speaks only TLS ({@code --port 0}) and
 * knows only the users of its ACL file (the test writes it; {@code user default off} keeps the
 * anonymous user out). Debian's Redis 7 has TLS built in.
 */
public final class TlsRedisServer implements AutoCloseable {
  /** Whether the server asks clients for a certificate ({@code tls-auth-clients}). */
  public enum ClientCertificates {
    REQUIRED("yes"),
    NOT_ASKED("no");

    private final String setting;

    ClientCertificates(String setting) {
      this.setting = setting;
    }
  }

  private final Process process;
  private final int port;
  private final Path log;

  private TlsRedisServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the server and waits until it accepts connections.
   *
   * @param dir its working directory (ACL file, log)
   * @param certificate its certificate (PEM)
   * @param key the certificate's key (PEM)
   * @param ca the CA its clients' certificates must come from (PEM)
   * @param clientCertificates whether clients must show a certificate
   * @param acl the lines of its ACL file
   */
  public static TlsRedisServer start(
      Path dir,
      Path certificate,
      Path key,
      Path ca,
      ClientCertificates clientCertificates,
      List<String> acl) {
    Path redis = Executables.require("redis-server", "redis-server");
    try {
      Files.createDirectories(dir);
      Path aclFile = dir.resolve("users.acl");
      Files.write(aclFile, acl, StandardCharsets.UTF_8);
      Path log = dir.resolve("redis.log");
      int port = freePort();
      Process p =
          new ProcessBuilder(
                  redis.toString(),
                  "--port",
                  "0",
                  "--tls-port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--tls-cert-file",
                  certificate.toString(),
                  "--tls-key-file",
                  key.toString(),
                  "--tls-ca-cert-file",
                  ca.toString(),
                  "--tls-auth-clients",
                  clientCertificates.setting,
                  "--aclfile",
                  aclFile.toString(),
                  "--dir",
                  dir.toString(),
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      TlsRedisServer server = new TlsRedisServer(p, port, log);
      server.awaitReady(Duration.ofSeconds(10));
      return server;
    } catch (IOException e) {
      throw new AssertionError("cannot start redis-server in " + dir, e);
    }
  }

  private void awaitReady(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.readString(log);
      if (text.contains("Ready to accept connections")) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("redis-server exited at start:\n" + text);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for redis-server", e);
      }
    }
    close();
    throw new AssertionError("redis-server not ready within " + timeout + ":\n" + serverLog());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The TLS port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** What the server logged so far (for failure messages). */
  public String serverLog() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
