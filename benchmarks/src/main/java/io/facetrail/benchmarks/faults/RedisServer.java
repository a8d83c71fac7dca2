package io.facetrail.benchmarks.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The suite's own redis-server on a spare loopback port. With an append-only file fsynced at every
 * write: the Redis scenario stops and starts the server mid-run, and the enrolled gallery must
 * survive that, or the restarted matcher would decide against an empty gallery and the run could
 * not be compared with the baseline (snapshots alone, {@code --save}, keep nothing written since
 * the last snapshot).
 */
final class RedisServer {
  private final ChildProcesses children;
  private final Path dir;
  private final int port;
  private final Path log;
  private Process process;

  RedisServer(ChildProcesses children, Path dir, int port) {
    this.children = children;
    this.dir = dir;
    this.port = port;
    this.log = dir.resolve("redis.log");
  }

  int port() {
    return port;
  }

  /** Starts the server (on the same data as before, after a stop) and waits until it answers. */
  void start() throws IOException, InterruptedException {
    Files.createDirectories(dir);
    process =
        children.program(
            log,
            List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always"));
    Readiness.await("redis-server", process, log, Duration.ofSeconds(20), 50, this::answersPing);
  }

  /** SIGTERM: Redis flushes its append-only file and exits. */
  void stop() throws InterruptedException {
    if (process != null) {
      ChildProcesses.stop(process, 20);
      process = null;
    }
  }

  private boolean answersPing() {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(1000);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      // Not listening yet (starting): the caller asks again until its deadline.
      return false;
    }
  }
}
