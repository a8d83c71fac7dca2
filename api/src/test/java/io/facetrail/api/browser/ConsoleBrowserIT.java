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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
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
 * from LFW photos through the file input, the per-photo outcomes, renaming, erasing after the
 * confirmation dialog, the audit log, and what a viewer may not do. Every step leaves a screenshot
 * in {@code target/console-screenshots/}; no step may leave an error in the browser console (a
 * script failure or a Content-Security-Policy violation).
 */
class ConsoleBrowserIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;

  private static ApiService api;
  private static ConsoleBrowser browser;
  private static String adminKey;
  private static String viewerKey;
  private static String console;

  @BeforeAll
  static void start() {
    browser = ConsoleBrowser.start();
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
            "false");
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

  @BeforeEach
  void signedOut() {
    browser.open(console);
    browser.clearCookies();
    browser.open(console);
  }

  @Test
  void anAdminEnrolsRenamesAndErasesAPerson() throws IOException {
    Path lfw = SharedData.requireLfw().resolve("lfw-deepfunneled").resolve("Colin_Powell");
    Path notAPhoto = dir.resolve("notes.jpg");
    Files.writeString(notAPhoto, "not an image", StandardCharsets.UTF_8);
    List<Path> photos =
        List.of(
            lfw.resolve("Colin_Powell_0001.jpg"),
            lfw.resolve("Colin_Powell_0002.jpg"),
            lfw.resolve("Colin_Powell_0003.jpg"),
            notAPhoto);

    browser.visible("#signin-key");
    browser.screenshot("01-sign-in");
    signIn(adminKey);
    browser.showing("#who-text", "console admin (admin)");
    browser.showing("main h1", "Live wall");
    browser.screenshot("02-live-wall");

    browser.find("#nav a[data-view=gallery]").click();
    browser.showing("#persons-title", "Enrolled persons");
    browser.showing(".count", "Nobody is enrolled yet.");
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

    browser.find("#persons a.person-link").click();
    browser.showing("#person-name", "Colin Powell");
    assertThat(browser.findAll("#photo-list tbody tr")).hasSize((int) enrolled);
    browser.showing("#photo-list tbody", "Colin_Powell_0001.jpg");
    browser.screenshot("04-person");

    WebElement rename = browser.find("#rename-name");
    rename.sendKeys(Keys.chord(Keys.CONTROL, "a"), "General Colin Powell", Keys.ENTER);
    browser.showing("#person-name", "General Colin Powell");
    browser.showing("#rename", "Renamed to General Colin Powell.");
    browser.screenshot("05-renamed");

    browser.find("#erase").click();
    WebElement dialog = browser.visible("dialog.confirm");
    assertThat(dialog.getText()).contains("Erase General Colin Powell?");
    browser.screenshot("06-erase-confirmation");
    dialog.findElement(By.cssSelector("button[value=cancel]")).click();
    browser.await(
        10, "the dialog to close", d -> d.findElements(By.cssSelector("dialog")).isEmpty());
    assertThat(browser.find("#person-name").getText()).isEqualTo("General Colin Powell");

    browser.find("#erase").click();
    browser.visible("dialog.confirm button[value=confirm]").click();
    browser.showing("main", "General Colin Powell was erased.");
    browser.showing(".count", "Nobody is enrolled yet.");
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
    deletePerson(id);
  }

  @Test
  void sectionsWhoseEndpointsAreMissingSayTheyAreNotAvailable() {
    signIn(adminKey);
    browser.showing("#live-notices", "Identity events are not available on this server");
    browser.find("#nav a[data-view=events]").click();
    browser.showing("#review-result", "Identity events are not available on this server");
    browser.find("#nav a[data-view=videos]").click();
    browser.showing("main", "Indexed videos are not available on this server");
    browser.screenshot("11-not-available");
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
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static void deletePerson(String id) throws Exception {
    assertThat(call("DELETE", "/api/v1/persons/" + id, null).statusCode()).isEqualTo(204);
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
