package io.facetrail.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.access.Role;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiService;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.runtime.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in real headless Chromium against a real API (real face models, a local gallery in a
 * temporary folder, keys and audit log there too, no event feed): signing in, enrolling a person
 * from LFW photos through the file input, the per-photo outcomes, renaming, adding a photo, erasing
 * after the confirmation dialog, the audit log, what a viewer may not do, an indexed video's
 * timeline, and the sections whose endpoints this server lacks. Every step leaves a screenshot in
 * {@code target/console-screenshots/}; no step may leave an error in the browser console (a script
 * failure or a Content-Security-Policy violation).
 */
class ConsoleBrowserIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;

  private static ApiService api;
  private static ConsoleBrowser browser;
  private static String adminKey;
  private static final List<String> created = new ArrayList<>();
  private static String viewerKey;
  private static String console;

  @BeforeAll
  static void start() throws IOException {
    browser = ConsoleBrowser.start();
    Files.createDirectories(dir.resolve("index"));
    Map<String, String> settings =
        Map.of(
            "http.port",
            "0",
            "gallery.store",
            "LOCAL",
            "gallery.localDir",
            dir.resolve("gallery").toString(),
            "access.keysFile",
            dir.resolve("api-keys.json").toString(),
            "access.auditFile",
            dir.resolve("audit.jsonl").toString(),
            "events.enabled",
            "false",
            "indexDir",
            dir.resolve("index").toString());
    ApiConfig config = ApiConfig.loader().load(null, Map.of(), settings);
    api = ApiService.start(config, FaceAnalyzers.open(), Clock.systemUTC());
    adminKey = api.keys().create("console admin", Role.ADMIN).token();
    viewerKey = api.keys().create("console viewer", Role.VIEWER).token();
    console = api.loopbackUri() + "/console/";
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (api != null) {
        api.close();
      }
    }
  }

  @AfterEach
  void erasePersonsMadeByTheTest() throws Exception {
    for (String id : created) {
      int status = call("DELETE", "/api/v1/persons/" + id, null).statusCode();
      assertThat(status).isIn(204, 404);
    }
    created.clear();
  }

  @BeforeEach
  void signedOut() {
    browser.open(console);
    browser.clearCookies();
    browser.open(console);
  }

  @Test
  void anAdminEnrolsRenamesAddsPhotosAndErasesAPerson() throws IOException {
    Path lfw = SharedData.requireLfw().resolve("lfw-deepfunneled").resolve("Colin_Powell");
    Path notAPhoto = dir.resolve("notes.jpg");
    Files.writeString(notAPhoto, "not an image", StandardCharsets.UTF_8);
    List<Path> photos =
        List.of(
            lfw.resolve("Colin_Powell_0001.jpg"),
            lfw.resolve("Colin_Powell_0002.jpg"),
            lfw.resolve("Colin_Powell_0003.jpg"),
            notAPhoto);

    // A wrong key is refused with the problem's detail, and the form stays.
    browser.visible("#signin-key").sendKeys("ftk_notakey", Keys.ENTER);
    browser.showing("#signin .form-error", "the API key is not valid");
    browser.screenshot("01-sign-in");
    browser.find("#signin-key").clear();
    signIn(adminKey);
    browser.showing("#who-text", "console admin (admin)");
    browser.showing("main h1", "Live wall");
    browser.screenshot("02-live-wall");

    browser.find("#nav a[data-view=gallery]").click();
    browser.showing("#persons-title", "Enrolled persons");
    // No photo accepted: nobody is created, and the photo's outcome says why.
    browser.find("#enrol-name").sendKeys("Nobody");
    browser.find("#enrol-photos").sendKeys(notAPhoto.toString());
    browser.find("#enrol button[type=submit]").click();
    browser.showing("#enrol-result", "Nobody was enrolled: no photo was accepted.");
    assertThat(outcomesByPhoto("#enrol-result"))
        .containsExactly(Map.entry("notes.jpg", "unreadable"));
    browser.find("#enrol-name").clear();
    browser.find(".picked button").click();
    assertThat(browser.findAll(".picked li")).isEmpty();

    browser.find("#enrol-name").sendKeys("Colin Powell");
    // Drag and drop cannot be driven here; the file input is the keyboard users' way in.
    browser
        .find("#enrol-photos")
        .sendKeys(photos.stream().map(Path::toString).collect(Collectors.joining("\n")));
    assertThat(browser.findAll(".picked li")).hasSize(4);
    browser.find("#enrol button[type=submit]").click();
    browser.await(
        180,
        "the outcome of every photo",
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("#enrol-result .outcome"), 4));
    Map<String, String> outcomes = outcomesByPhoto("#enrol-result");
    assertThat(outcomes).containsEntry("notes.jpg", "unreadable");
    long enrolled = outcomes.values().stream().filter("enrolled"::equals).count();
    assertThat(enrolled).as("LFW photos of Colin Powell enrolled: %s", outcomes).isPositive();
    browser.showing("#enrol-result", "Enrolled Colin Powell with " + enrolled);
    browser.showing("#persons tbody", "Colin Powell");
    browser.screenshot("03-enrolled");

    browser.find("#enrol-result a").click();
    browser.showing("#person-name", "Colin Powell");
    assertThat(browser.findAll("#photo-list tbody tr")).hasSize((int) enrolled);
    browser.showing("#photo-list tbody", "Colin_Powell_0001.jpg");
    browser.screenshot("04-person");

    WebElement rename = browser.find("#rename-name");
    rename.sendKeys(Keys.chord(Keys.CONTROL, "a"), "General Colin Powell", Keys.ENTER);
    browser.showing("#person-name", "General Colin Powell");
    browser.showing("#rename", "Renamed to General Colin Powell.");
    browser.screenshot("05-renamed");

    browser.find("#add-photos").sendKeys(lfw.resolve("Colin_Powell_0004.jpg").toString());
    browser.find("#add button[type=submit]").click();
    browser.await(
        120,
        "the added photo's outcome",
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("#add-result .outcome"), 1));
    String added = outcomesByPhoto("#add-result").get("Colin_Powell_0004.jpg");
    assertThat(added).isIn("enrolled", "low_quality", "no_face", "several_faces");
    int photoCount = (int) enrolled + ("enrolled".equals(added) ? 1 : 0);
    browser.await(
        10,
        photoCount + " photos listed",
        d -> browser.findAll("#photo-list tbody tr").size() == photoCount);

    browser.find("#erase").click();
    WebElement dialog = browser.visible("dialog.confirm");
    assertThat(dialog.getText()).contains("Erase General Colin Powell?");
    browser.screenshot("06-erase-confirmation");
    // Cancel has the focus: Escape, or Enter, leaves the person as they were.
    assertThat(browser.script("return document.activeElement.value")).isEqualTo("cancel");
    dialog.sendKeys(Keys.ESCAPE);
    browser.await(
        10, "the dialog to close", d -> d.findElements(By.cssSelector("dialog")).isEmpty());
    assertThat(browser.find("#person-name").getText()).isEqualTo("General Colin Powell");

    browser.find("#erase").click();
    browser.visible("dialog.confirm button[value=confirm]").click();
    browser.showing("main", "General Colin Powell was erased.");
    browser.await(20, "the list of persons", d -> !browser.find(".count").getText().isEmpty());
    assertThat(browser.find("#persons tbody").getText()).doesNotContain("Colin Powell");
    browser.screenshot("07-erased");

    browser.find("#nav-audit").click();
    browser.showing("#audit", "person.erase");
    assertThat(browser.find("#audit").getText())
        .contains("person.create", "person.rename", "console admin")
        .doesNotContain("Colin Powell");
    browser.screenshot("08-audit-log");

    browser.find("#sign-out").click();
    browser.visible("#signin-key");
    browser.showing("#signin", "Signed out.");
    browser.assertNoConsoleErrors();
  }

  @Test
  void aViewerSeesPersonsButCannotChangeThem() throws Exception {
    String name = "<img src=x onerror=alert(1)> O'Brien & \"Sons\"";
    String id = createPerson(name);

    signIn(viewerKey);
    browser.showing("#who-text", "console viewer (viewer)");
    assertThat(browser.find("#nav-audit").isDisplayed()).isFalse();
    browser.find("#nav a[data-view=gallery]").click();
    // The name is text on the page, never markup: no image element was made of it.
    WebElement link = browser.showing("#persons a.person-link", name);
    assertThat(browser.findAll("#persons img")).isEmpty();
    assertThat(browser.findAll("#enrol")).isEmpty();
    browser.screenshot("09-viewer-gallery");

    link.click();
    browser.showing("#person-name", name);
    assertThat(browser.findAll("#erase")).isEmpty();
    assertThat(browser.findAll("#rename")).isEmpty();
    assertThat(browser.findAll("#add")).isEmpty();
    browser.screenshot("10-viewer-person");

    browser.open(console + "#/audit");
    browser.showing("main", "This page needs the admin role; your key is viewer.");
    browser.assertNoConsoleErrors();
  }

  @Test
  void sectionsWithoutTheirEndpointsSaySoAndTheSkipLinkWorks() {
    signIn(adminKey);
    // No event feed here: either the server has no events endpoints at all, or they are there
    // with events.enabled false (recent events empty, live events refused with 503).
    browser.showing("#live-notices", "events are not available on this server");
    assertThat(browser.find("#live-state").getText()).isEmpty();
    browser.find("#nav a[data-view=events]").click();
    browser.await(
        20,
        "the review to say there is nothing",
        d ->
            browser
                .find("#review-result")
                .getText()
                .matches("(?s).*(events are not available on this server|No event matches).*"));
    browser.screenshot("11-not-available");

    // On a page just loaded, the first Tab stop is the skip link; it moves the focus past the
    // navigation.
    browser.driver().navigate().refresh();
    browser.visible("#nav");
    browser.find("body").sendKeys(Keys.TAB);
    assertThat(browser.script("return document.activeElement.textContent"))
        .isEqualTo("Skip to content");
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("main");
    browser.assertNoConsoleErrors();
  }

  @Test
  void anIndexedVideosTimelineShowsWhoAppearsWhenWithTheirFaces() throws Exception {
    Path face =
        SharedData.requireLfw()
            .resolve("lfw-deepfunneled")
            .resolve("Tony_Blair")
            .resolve("Tony_Blair_0001.jpg");
    String id = createPerson("Tony Blair");
    Path index = dir.resolve("index");
    Files.createDirectories(index.resolve("lobby.mp4.faces"));
    Files.copy(face, index.resolve("lobby.mp4.faces").resolve("t0.jpg"));
    // A timeline as `facetrail index` writes it (format version 1).
    Files.writeString(
        index.resolve("lobby.mp4.timeline.json"),
        """
        {"format":"facetrail-timeline","version":1,"video":"lobby.mp4",
         "source":{"path":"/videos/lobby.mp4","sizeBytes":10,"modifiedMs":1},
         "indexedAt":"2026-12-07T10:00:00Z","durationMs":9000.0,
         "persons":[{"personId":"%s","name":"Tony Blair",
                     "ranges":[{"fromMs":500,"toMs":3000},{"fromMs":5000,"toMs":8000}],
                     "tracks":["t0","t2"],"frames":40}],
         "tracks":[{"trackId":"t0","personId":"%s","personName":"Tony Blair","fromMs":500,
                    "toMs":3000,"frames":20,"distance":0.26,"threshold":0.38,
                    "face":"lobby.mp4.faces/t0.jpg","faceQuality":0.8},
                   {"trackId":"t1","personId":null,"personName":null,"fromMs":6000,"toMs":8500,
                    "frames":25,"distance":null,"threshold":0.38,"face":null,"faceQuality":null},
                   {"trackId":"t2","personId":"%s","personName":"Tony Blair","fromMs":5000,
                    "toMs":8000,"frames":20,"distance":0.3,"threshold":0.38,"face":null,
                    "faceQuality":null}]}
        """
            .formatted(id, id, id));
    // The API names persons in timelines from its copy of the gallery, which follows it.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(call("GET", "/api/v1/videos", null).body()).contains("Tony Blair"));

    signIn(viewerKey);
    browser.find("#nav a[data-view=videos]").click();
    browser.showing("#videos", "Tony Blair (2)");
    browser.find("#videos a").click();
    browser.showing("main h1", "lobby.mp4");
    List<WebElement> rows = browser.findAll("#timeline .timeline-person");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).contains("Tony Blair");
    assertThat(rows.get(0).findElements(By.cssSelector("rect"))).hasSize(2);
    assertThat(rows.get(1).getText()).contains("unknown faces");
    assertThat(rows.get(1).findElements(By.cssSelector("rect"))).hasSize(1);
    WebElement img = rows.get(0).findElement(By.cssSelector(".faces img"));
    browser.await(
        10,
        "the track's face to load",
        d -> ((Number) browser.script("return arguments[0].naturalWidth", img)).intValue() > 0);
    browser.screenshot("12-video-timeline");
    browser.assertNoConsoleErrors();
  }

  private void signIn(String key) {
    browser.visible("#signin-key").sendKeys(key, Keys.ENTER);
    browser.visible("#nav");
  }

  private static Map<String, String> outcomesByPhoto(String css) {
    return browser.findAll(css + " .outcome").stream()
        .collect(
            Collectors.toMap(
                e -> e.findElement(By.cssSelector(".outcome-photo")).getText(),
                e -> e.getDomAttribute("data-result")));
  }

  private static String createPerson(String name) throws Exception {
    String body =
        "{\"name\":\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"metadata\":{}}";
    HttpResponse<String> r = call("POST", "/api/v1/persons", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String location = r.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    created.add(id);
    return id;
  }

  private static HttpResponse<String> call(String method, String path, String json)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(api.loopbackUri() + path))
            .header("Authorization", "Bearer " + adminKey);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
