package io.facetrail.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.access.ApiKeyStore;
import io.facetrail.api.access.Role;
import io.facetrail.api.browser.ConsoleBrowser;
import io.facetrail.app.run.RunCommand;
import io.facetrail.app.run.RunSettings;
import io.facetrail.app.run.RunStop;
import io.facetrail.app.run.ServeOptions;
import io.facetrail.benchmarks.movie.FaceMovie;
import io.facetrail.benchmarks.movie.FaceMovie.Appearance;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.gallery.GalleryTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console on a real run, in headless Chromium: {@code run --serve} over a video of real faces;
 * with the live wall open in one tab, Colin Powell is enrolled by upload in another; his face, on
 * screen for most of the video, is identified as the pipeline reaches it, and the event arrives on
 * the open wall over Server-Sent Events with his face; erased, he is gone from the gallery, the
 * wall and the event review. Screenshots in {@code target/console-screenshots/pipeline-*.png}.
 */
class ConsolePipelineIT {
  @TempDir Path dir;

  @Test
  void anEnrolledFaceAppearsLiveOnTheWallAndIsGoneEverywhereOnceErased() throws Exception {
    // Colin Powell walks across the door camera from 4 s to 29 s; a stranger passes first.
    Path video =
        FaceMovie.write(
            dir.resolve("door.mp4"),
            30.0,
            List.of(
                new Appearance(
                    LfwPhotos.photo("Gerhard_Schroeder", 1), 0.5, 3.5, 600, 200, 250, 170),
                new Appearance(LfwPhotos.photo("Colin_Powell", 1), 4.0, 29.0, 120, 560, 300, 180)));
    Path keys = dir.resolve("keys.json");
    String key = new ApiKeyStore(keys, Clock.systemUTC()).create("console e2e", Role.ADMIN).token();
    int port = freePort();
    RunSettings settings =
        RunSettings.builder()
            .setGallery(GalleryTarget.parse(dir.resolve("gallery").toString()))
            .setWorkDir(Files.createDirectories(dir.resolve("work")))
            .optInputs(List.of(video.toString()))
            .optDevice(DeviceSetting.parse("cpu"))
            .build();
    ServeOptions serve =
        new ServeOptions(
            port,
            Map.of(
                "access.keysFile", keys.toString(),
                "access.auditFile", dir.resolve("audit.jsonl").toString()));
    RunStop stop = new RunStop();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(
            () -> {
              try (PrintStream o =
                      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                  PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                return RunCommand.run(settings, o, e, serve, stop);
              } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
              }
            });
    String console = "http://127.0.0.1:" + port + "/console/";
    try (ConsoleBrowser browser = ConsoleBrowser.start()) {
      awaitUp(URI.create("http://127.0.0.1:" + port + "/health/live"), run, err);
      browser.open(console);
      browser.visible("#signin-key").sendKeys(key, Keys.ENTER);
      browser.showing("#who-text", "console e2e (admin)");
      browser.showing("#live-state", "Live: connected.");
      String wall = browser.driver().getWindowHandle();

      // The gallery in a second tab, while the wall stays open and connected.
      browser.driver().switchTo().newWindow(WindowType.TAB);
      browser.open(console + "#/gallery");
      browser.showing("#persons-title", "Enrolled persons");
      List<Path> photos =
          List.of(
              LfwPhotos.photo("Colin_Powell", 2),
              LfwPhotos.photo("Colin_Powell", 3),
              LfwPhotos.photo("Colin_Powell", 4));
      browser.find("#enrol-name").sendKeys("Colin Powell");
      browser
          .find("#enrol-photos")
          .sendKeys(photos.stream().map(Path::toString).collect(Collectors.joining("\n")));
      browser.find("#enrol button[type=submit]").click();
      browser.await(
          180,
          "the outcome of every photo",
          ExpectedConditions.numberOfElementsToBe(By.cssSelector("#enrol-result .outcome"), 3));
      browser.showing("#enrol-result", "Enrolled Colin Powell");
      browser.screenshot("pipeline-1-enrolled");

      // Back on the wall: the identification arrives while the page is open.
      browser.driver().switchTo().window(wall);
      // Checked in the page in one step: the wall re-renders its cards as events arrive (and marks
      // only the newest live one "fresh": the track's "ended" may follow at once). The tab was
      // never reloaded, so his card came while the page was open.
      browser.await(
          240,
          "Colin Powell identified on the open wall, with his face\n"
              + err.toString(StandardCharsets.UTF_8),
          d ->
              Boolean.TRUE.equals(
                  browser.script(
                      "return [...document.querySelectorAll('#wall .camera .event')]"
                          + ".some(e => e.textContent.includes('Colin Powell')"
                          + " && e.textContent.includes('identified')"
                          + " && [...e.querySelectorAll('img.thumb')]"
                          + ".some(i => i.complete && i.naturalWidth > 0))")));
      assertThat(sseEventsSent(port)).as("events sent over SSE").isPositive();
      // The camera's status comes from the run's own ingest (not only from its events).
      browser.await(
          30,
          "the door camera's status from the run's ingest",
          d ->
              Boolean.TRUE.equals(
                  browser.script(
                      "const c = document.querySelector('#wall .camera[data-camera=door]');"
                          + " return !!c && (c.textContent.includes('ended')"
                          + " || c.textContent.includes('live '))")));
      browser.screenshot("pipeline-2-live-wall");
      browser.assertNoConsoleErrors();

      // Erased from the gallery tab: gone from the gallery, the wall and the review.
      String gallery =
          browser.driver().getWindowHandles().stream()
              .filter(h -> !h.equals(wall))
              .findFirst()
              .orElseThrow();
      browser.driver().switchTo().window(gallery);
      browser.find("#enrol-result a").click();
      browser.showing("#person-name", "Colin Powell");
      browser.find("#erase").click();
      browser.visible("dialog.confirm button[value=confirm]").click();
      browser.showing("main", "Colin Powell was erased.");
      browser.await(20, "the list of persons", d -> !browser.find(".count").getText().isEmpty());
      assertThat(browser.find("#persons tbody").getText()).doesNotContain("Colin Powell");

      browser.driver().switchTo().window(wall);
      browser.driver().navigate().refresh();
      browser.showing("#live-state", "Live: connected.");
      browser.await(
          30,
          "Colin Powell gone from the wall",
          d -> !browser.find("#wall").getText().contains("Colin Powell"));
      browser.find("#nav a[data-view=events]").click();
      browser.await(
          30,
          "the review to load",
          d -> browser.find("#review-result").getText().contains("event"));
      assertThat(browser.find("#events").getText()).doesNotContain("Colin Powell");
      browser.screenshot("pipeline-3-erased");
      browser.assertNoConsoleErrors();
    } finally {
      stop.request();
      Integer exit = run.get(120, java.util.concurrent.TimeUnit.SECONDS);
      System.err.println(err.toString(StandardCharsets.UTF_8));
      assertThat(exit).isNotNull();
    }
  }

  private static void awaitUp(URI health, CompletableFuture<Integer> run, ByteArrayOutputStream err)
      throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (run.isDone()) {
        throw new AssertionError(
            "the run ended before serving: " + err.toString(StandardCharsets.UTF_8));
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the console did not come up: " + err.toString(StandardCharsets.UTF_8));
  }

  /** The API's count of events sent to live clients. */
  private static double sseEventsSent(int port) throws Exception {
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double sent = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("facetrail_api_sse_events_sent_total")) {
        sent += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sent;
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
