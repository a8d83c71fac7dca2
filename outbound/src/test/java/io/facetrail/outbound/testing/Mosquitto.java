package io.facetrail.outbound.testing;

import io.facetrail.runtime.testing.Executables;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto broker (Debian's package) on a loopback port, with persistence in a test folder
 * so that a restart keeps the subscribers' sessions and the retained messages, as a broker run as a
 * service does. It can be stopped and started again on the same port.
 */
public final class Mosquitto implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  private final Path executable;
  private final Path dir;
  private final Path config;
  private final int port;
  private volatile Process process;

  private Mosquitto(Path executable, Path dir, int port) throws IOException {
    this.executable = executable;
    this.dir = dir;
    this.port = port;
    this.config = dir.resolve("mosquitto.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "listener " + port + " 127.0.0.1",
            "allow_anonymous true",
            "persistence true",
            "persistence_location " + dir.toAbsolutePath() + "/",
            // Run as root (CI), mosquitto would switch to the user "mosquitto", who cannot write
            // the test's folder; as anybody else this setting is ignored.
            "user " + System.getProperty("user.name"),
            "log_dest stderr",
            ""));
  }

  /** Starts mosquitto on a free port; skips (fails under CI) when it is not installed. */
  public static Mosquitto start(Path dir) throws IOException, InterruptedException {
    Path executable = Executables.require("mosquitto", "mosquitto");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Mosquitto m = new Mosquitto(executable, dir, port);
    // A test JVM ended early (a timeout, Ctrl-C) must not leave the broker running.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Process p = m.process;
                  if (p != null) {
                    p.destroyForcibly();
                  }
                },
                "mosquitto-stop"));
    m.start();
    return m;
  }

  /** Starts the broker (again) on its port. */
  public void start() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("mosquitto is already running");
    }
    process =
        new ProcessBuilder(executable.toString(), "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "mosquitto exited with " + process.exitValue() + ": " + log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(
        "mosquitto did not listen within " + START_TIMEOUT + ": " + log());
  }

  /** Stops the broker as a service manager does (SIGTERM: it saves its state and exits). */
  public void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The broker's log so far. */
  public String log() {
    try {
      return Files.readString(dir.resolve("mosquitto.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
