package io.facetrail.ingest.testing;

import io.facetrail.runtime.testing.Executables;
import io.facetrail.runtime.testing.Skips;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real RTSP server on loopback: {@code rtsp_server.py} (GStreamer's gst-rtsp-server through
 * python3-gi, a live H.264 test pattern) in a process of its own, on a port chosen here and kept
 * across restarts. It can be stopped and started again (a camera rebooting), and frozen with
 * SIGSTOP (a camera that keeps its connections open but sends nothing) and thawed.
 *
 * <p>Without GStreamer's Python bindings or plugins the calling test is skipped through {@link
 * Skips} (a failure under CI), naming the Debian packages. The server exits by itself when this JVM
 * dies (it watches its standard input).
 */
public final class LoopbackRtspServer implements AutoCloseable {
  private static final String SCRIPT = "rtsp_server.py";
  private static final long READY_TIMEOUT_SECONDS = 30;

  private final Path script;
  private final Path log;
  private final int port;
  private final int fps;
  private Process process;
  private boolean frozen;

  /**
   * @param workDir where the script and the server's log are written
   * @param fps the stream's frame rate (320x240, one key frame per second)
   */
  public LoopbackRtspServer(Path workDir, int fps) throws IOException {
    this.fps = fps;
    this.script = workDir.resolve(SCRIPT);
    this.log = workDir.resolve("rtsp-server.log");
    try (InputStream in = LoopbackRtspServer.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the test resources");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      this.port = s.getLocalPort();
    }
  }

  /** The stream's URL (the same after every restart). */
  public String url() {
    return "rtsp://127.0.0.1:" + port + "/cam";
  }

  /** Starts (or restarts) the server and waits until it listens. */
  public synchronized void start() throws IOException, InterruptedException {
    if (process != null) {
      throw new IllegalStateException("the RTSP server is already running");
    }
    List<String> command = new ArrayList<>();
    command.add(python().toString());
    command.addAll(
        List.of(
            "-u",
            script.toString(),
            "--port",
            Integer.toString(port),
            "--fps",
            Integer.toString(fps)));
    Process p =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    String line = firstLine(p);
    if (line != null && line.startsWith("READY ")) {
      process = p;
      return;
    }
    stopProcess(p);
    if (line != null && line.startsWith("MISSING ")) {
      Skips.skip("the loopback RTSP server needs " + line.substring("MISSING ".length()));
    }
    throw new IllegalStateException(
        "the loopback RTSP server did not start: "
            + (line == null ? "no answer within " + READY_TIMEOUT_SECONDS + " s" : line)
            + "; its log: "
            + Files.readString(log, StandardCharsets.UTF_8).strip());
  }

  /** Stops the server like a camera losing power: every connection is cut. */
  public synchronized void stop() throws InterruptedException {
    if (process != null) {
      if (frozen) {
        signal("CONT");
      }
      stopProcess(process);
      process = null;
    }
  }

  /**
   * Freezes the server (SIGSTOP): connections stay open, the kernel still acknowledges what the
   * client sends, but no data comes back, as from a hung camera.
   */
  public synchronized void freeze() throws IOException, InterruptedException {
    signal("STOP");
    frozen = true;
  }

  /** Lets a frozen server go on (SIGCONT). */
  public synchronized void thaw() throws IOException, InterruptedException {
    signal("CONT");
    frozen = false;
  }

  @Override
  public synchronized void close() throws InterruptedException {
    stop();
  }

  private void signal(String name) throws InterruptedException {
    if (process == null) {
      throw new IllegalStateException("the RTSP server is not running");
    }
    Path kill = Executables.require("kill", "procps");
    try {
      Process k =
          new ProcessBuilder(kill.toString(), "-" + name, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .start();
      String out = new String(k.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!k.waitFor(10, TimeUnit.SECONDS) || k.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " failed: " + out.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + kill, e);
    }
  }

  private static void stopProcess(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String firstLine(Process p) throws InterruptedException {
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                // Not closed: the reader owns the process's stdout, which must stay open.
                return new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
              } catch (IOException e) {
                return null;
              }
            });
    try {
      return line.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading the RTSP server's output failed", e.getCause());
    }
  }

  /**
   * The Python that has GStreamer's bindings: python3-gi installs them for Debian's own Python,
   * which need not be the first python3 on the PATH (pyenv, a virtualenv).
   */
  private static Path python() throws IOException, InterruptedException {
    Set<Path> candidates = new LinkedHashSet<>();
    Executables.find("python3").ifPresent(candidates::add);
    Optional.of(Path.of("/usr/bin/python3")).filter(Files::isExecutable).ifPresent(candidates::add);
    if (candidates.isEmpty()) {
      Skips.skip("python3 is not installed (Debian: apt-get install -y python3 python3-gi)");
    }
    for (Path python : candidates) {
      Process probe =
          new ProcessBuilder(python.toString(), "-c", "import gi")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return python;
      }
      probe.destroyForcibly();
    }
    // None has the bindings: the script says so, naming the packages, and the test skips.
    return candidates.iterator().next();
  }
}
