package io.facetrail.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facetrail.app.FacetrailCli;
import io.facetrail.benchmarks.movie.FaceMovie;
import io.facetrail.benchmarks.movie.FaceMovie.Appearance;
import io.facetrail.runtime.testing.Executables;
import io.facetrail.runtime.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code facetrail run} against a Redis gallery that refuses it or goes away: the command runs in a
 * child JVM (its exit code and standard error are what a user sees) against a redis-server of its
 * own, with a password, on a spare port (never the shared one).
 */
class GalleryFaultIT {
  private static final String PASSWORD = "the-right-password";

  @TempDir Path dir;
  private int port;
  private Process redis;

  @BeforeAll
  static void data() {
    SharedData.requireLfw();
  }

  @BeforeEach
  void startRedis() throws Exception {
    Path redisServer = Executables.require("redis-server", "redis-server");
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    redis =
        new ProcessBuilder(
                redisServer.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--requirepass",
                PASSWORD,
                "--dir",
                Files.createDirectories(dir.resolve("redis")).toString(),
                "--save",
                "")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> listening(port));
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @AfterEach
  void stopRedis() throws InterruptedException {
    if (redis != null) {
      redis.destroy();
      redis.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aWrongPasswordFailsAtStartNamingTheServerButNotThePassword() throws Exception {
    Path video = video(2.0);
    long started = System.nanoTime();
    Child run =
        Child.start(
            "run",
            "--device",
            "cpu",
            "--gallery",
            "redis://:not-" + PASSWORD + "@127.0.0.1:" + port,
            video.toString());
    int exit = run.await(Duration.ofSeconds(120));
    double seconds = (System.nanoTime() - started) / 1e9;
    String err = run.err();
    System.err.println(err + "\nexited " + exit + " after " + seconds + " s");
    assertThat(exit).as(err).isEqualTo(1);
    assertThat(err)
        .contains("cannot use the gallery: Redis redis://127.0.0.1:" + port)
        .contains("refused access")
        .contains("WRONGPASS")
        .doesNotContain(PASSWORD)
        .doesNotContain("Summary");
    assertThat(run.out()).doesNotContain("tracks");
  }

  @Test
  void tracksLeftUndecidedWhenTheGalleryGoesAwayMakeTheRunFail() throws Exception {
    // The face stays until the end: its track ends with the stream, long after Redis went away.
    Path video = video(4.0);
    Child run =
        Child.start(
            "run",
            "--device",
            "cpu",
            "--gallery-wait",
            "5s",
            "--gallery",
            "redis://:" + PASSWORD + "@127.0.0.1:" + port,
            video.toString());
    // The start check has passed once the models load; Redis goes away before any frame is read.
    assertThat(run.awaitErrLine("warming the models up", Duration.ofSeconds(180)))
        .as(run.err())
        .isTrue();
    redis.destroy();
    assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
    int exit = run.await(Duration.ofSeconds(300));
    String err = run.err();
    System.err.println(err + "\nexited " + exit);
    assertThat(exit).as(err).isEqualTo(2);
    assertThat(err)
        .containsPattern(
            "[1-9]\\d* track\\(s\\) left undecided: Redis redis://:\\*+@127.0.0.1:" + port);
    assertThat(err).contains("could not be reached, so their identity events were never emitted");
    assertThat(err).doesNotContain(PASSWORD);
  }

  private Path video(double seconds) throws Exception {
    return FaceMovie.write(
        dir.resolve("face.mp4"),
        seconds,
        List.of(
            new Appearance(LfwPhotos.photo("Colin_Powell", 1), 0.2, seconds, 300, 500, 300, 180)));
  }

  /** The {@code facetrail} command in a child JVM, its standard error read line by line. */
  private static final class Child {
    private final Process process;
    private final List<String> errLines = new ArrayList<>();
    private final CompletableFuture<String> out;
    private final Thread reader;

    private Child(Process process) {
      this.process = process;
      this.out =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(
                      process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  return "(standard output unreadable: " + e.getMessage() + ")";
                }
              });
      reader = new Thread(this::readErr, "child-stderr");
      reader.setDaemon(true);
      reader.start();
    }

    static Child start(String... args) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-Dai.djl.offline=true",
              "-Xmx2g",
              "-cp",
              System.getProperty("java.class.path"),
              FacetrailCli.class.getName()));
      command.addAll(List.of(args));
      return new Child(new ProcessBuilder(command).start());
    }

    private void readErr() {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          synchronized (this) {
            errLines.add(line);
            notifyAll();
          }
        }
      } catch (IOException e) {
        synchronized (this) {
          errLines.add("(standard error unreadable: " + e.getMessage() + ")");
        }
      }
    }

    synchronized boolean awaitErrLine(String fragment, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (errLines.stream().noneMatch(l -> l.contains(fragment))) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive()) {
          return false;
        }
        wait(Math.max(1, Math.min(1000, left / 1_000_000)));
      }
      return true;
    }

    int await(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new AssertionError("the command did not end within " + timeout + ":\n" + err());
      }
      reader.join(TimeUnit.SECONDS.toMillis(30));
      return process.exitValue();
    }

    String err() {
      synchronized (this) {
        return String.join("\n", errLines);
      }
    }

    String out() throws Exception {
      return out.get(30, TimeUnit.SECONDS);
    }
  }
}
