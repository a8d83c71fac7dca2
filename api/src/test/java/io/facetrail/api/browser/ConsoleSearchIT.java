package io.facetrail.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.access.Role;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiService;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.LocalTrackArchive;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.EnrolmentRules;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.local.LocalGallery;
import io.facetrail.runtime.testing.SharedData;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * "Where did this face appear?" in real headless Chromium against a real API whose local track
 * archive holds tracks made of LFW photos analysed by the real face models: three of Tony Blair on
 * a camera (one named by a re-decision, one named live, one unknown) and nine of two other persons
 * in a video. Searching by a new photo of Tony Blair and from his person page finds his three
 * tracks first, with their faces, times, distances, match badges and current decisions; a photo
 * without a face and an unknown person show the problem's detail. Screenshots go to {@code
 * target/console-screenshots/search-*.png}.
 */
class ConsoleSearchIT {
  private static final Instant CAPTURED = Instant.parse("2026-12-07T09:30:00Z");
  private static final String CAMERA = "lobby-cam";
  private static final String VIDEO = "gate-2026-12-06.mp4";
  private static final List<String> TONY_TRACKS = List.of("lobby-t2", "lobby-t3", "lobby-t4");

  @TempDir static Path dir;

  private static ApiService api;
  private static ConsoleBrowser browser;
  private static String viewerKey;
  private static String tonyId;
  private static String console;
  private static Path lfw;

  @BeforeAll
  static void start() throws IOException {
    lfw = SharedData.requireLfw().resolve("lfw-deepfunneled");
    browser = ConsoleBrowser.start();
    Path gallery = dir.resolve("gallery");
    Path archive = dir.resolve("archive");
    try (FaceAnalyzer analyzer = FaceAnalyzers.open()) {
      tonyId = enrolTonyBlair(analyzer, gallery);
      archiveTracks(analyzer, archive);
    }
    Map<String, String> settings =
        Map.of(
            "http.port",
            "0",
            "gallery.store",
            "LOCAL",
            "gallery.localDir",
            gallery.toString(),
            "access.keysFile",
            dir.resolve("api-keys.json").toString(),
            "access.auditFile",
            dir.resolve("audit.jsonl").toString(),
            "events.enabled",
            "false",
            "archive.store",
            "LOCAL",
            "archive.localDir",
            archive.toString());
    ApiConfig config = ApiConfig.loader().load(null, Map.of(), settings);
    api = ApiService.start(config, FaceAnalyzers.open(), Clock.systemUTC());
    viewerKey = api.keys().create("search viewer", Role.VIEWER).token();
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
  void signedIn() {
    browser.open(console);
    browser.clearCookies();
    browser.open(console);
    browser.visible("#signin-key").sendKeys(viewerKey, Keys.ENTER);
    browser.visible("#nav");
  }

  /** Tony Blair enrolled from two photos none of the archived tracks was made of. */
  private static String enrolTonyBlair(FaceAnalyzer analyzer, Path galleryDir) {
    try (LocalGallery gallery = LocalGallery.open(galleryDir, Clock.systemUTC())) {
      Enroller.Result r =
          new Enroller(analyzer, gallery, new EnrolmentRules(0.5, false), Clock.systemUTC())
              .enrolNew("Tony Blair", List.of(photo("Tony_Blair", 1), photo("Tony_Blair", 5)));
      assertThat(r.enrolled()).as("photos of Tony Blair enrolled").isPositive();
      return r.person().map(Person::id).orElseThrow();
    }
  }

  /**
   * Tony Blair's photos 2-4 as tracks of a camera, a minute apart: the first named by a re-decision
   * after he was enrolled, the second named live, the third left unknown; Colin Powell's photos 1-4
   * and George W Bush's 1-5 as unknown tracks of a video.
   */
  private static void archiveTracks(FaceAnalyzer analyzer, Path archiveDir) throws IOException {
    try (TrackArchive archive = LocalTrackArchive.open(archiveDir)) {
      for (int i = 2; i <= 4; i++) {
        String person = i == 4 ? null : tonyId;
        archive(
            analyzer, archive, "lobby-t" + i, CAMERA, photo("Tony_Blair", i), i, person, i == 2);
      }
      int n = 0;
      for (String who : List.of("Colin_Powell", "George_W_Bush")) {
        for (int i = 1; i <= (who.equals("Colin_Powell") ? 4 : 5); i++) {
          n++;
          archive(analyzer, archive, "gate-t" + n, VIDEO, photo(who, i), n, null, false);
        }
      }
    }
  }

  private static void archive(
      FaceAnalyzer analyzer,
      TrackArchive archive,
      String trackId,
      String streamId,
      Path photo,
      int minute,
      String personId,
      boolean retroactive)
      throws IOException {
    DetectedFace face =
        analyzer.analyse(photo).stream()
            .max(Comparator.comparingDouble(DetectedFace::boxArea))
            .orElseThrow(() -> new AssertionError("no face in " + photo));
    long mediaUs = minute * 60_000_000L + 1_500_000L;
    long captureMs = CAPTURED.plusSeconds(minute * 60L).toEpochMilli();
    Moment first = new Moment(minute * 100L, mediaUs, captureMs);
    Moment last = new Moment(minute * 100L + 40, mediaUs + 4_000_000L, captureMs + 4_000L);
    Instant now = Instant.now();
    archive.put(
        new ArchivedTrack(
            trackId,
            streamId,
            face.modelId(),
            first,
            last,
            now,
            20,
            face.code(),
            List.of(),
            Files.readAllBytes(photo),
            Map.of()),
        new TrackDecision(
            trackId,
            personId,
            personId == null ? Double.NaN : 0.3,
            personId == null ? Double.NaN : 0.38,
            Double.NaN,
            Double.NaN,
            personId == null ? -1 : 1,
            List.of(),
            true,
            now,
            retroactive,
            retroactive ? 1 : 0));
  }

  private static Path photo(String person, int i) {
    return lfw.resolve(person).resolve(String.format("%s_%04d.jpg", person, i));
  }

  @Test
  void aNewPhotoFindsTheTracksOfThatFaceFirstWithTheirFacesTimesAndDecisions() {
    browser.find("#nav a[data-view=search]").click();
    browser.showing("main h1", "Where did this face appear?");
    assertThat(browser.find("#search-by-photo").isSelected()).isTrue();
    browser.find("#search-photo").sendKeys(photo("Tony_Blair", 6).toString());
    browser.showing("#search-photo-field", "Tony_Blair_0006.jpg");
    browser.find("#search-submit").click();
    browser.showing("#search-summary", "of 12 archived tracks");
    assertThat(browser.find("#search-summary").getText())
        .startsWith("Appearances of the face in the photo (model ")
        .contains("match threshold 0.");

    List<WebElement> cards = browser.findAll("#appearances li.appearance");
    assertThat(cards).hasSizeBetween(3, 12);
    assertThat(trackIds(cards).subList(0, 3)).containsExactlyInAnyOrderElementsOf(TONY_TRACKS);
    WebElement nearest = cards.get(0);
    assertThat(nearest.findElement(By.cssSelector(".badge-match")).getText()).isEqualTo("match");
    assertThat(nearest.getText()).contains(CAMERA).contains("distance 0.");
    for (WebElement other : cards.subList(3, cards.size())) {
      assertThat(other.getText()).contains(VIDEO).contains("Now: unknown");
    }
    // Nearest first, and the badge follows the distance against the threshold.
    List<Double> distances =
        cards.stream()
            .map(c -> c.findElement(By.cssSelector(".appearance-distance")).getText())
            .map(t -> Double.parseDouble(t.replaceFirst("^.*distance ([0-9.]+).*$", "$1")))
            .toList();
    assertThat(distances).isSorted();
    assertThat(browser.findAll("#appearances .badge-nomatch")).isNotEmpty();

    WebElement retro = card("lobby-t2");
    assertThat(retro.findElement(By.cssSelector(".appearance-person")).getText())
        .isEqualTo("Tony Blair");
    assertThat(retro.findElement(By.cssSelector(".badge-retroactive")).getText())
        .isEqualTo("retroactive");
    // Minute 2 of the camera: media time 2:01.5 to 2:05.5, captured at 09:32:00 UTC.
    assertThat(retro.findElement(By.cssSelector(".appearance-media")).getText())
        .isEqualTo("· 2:01.5–2:05.5");
    assertThat(
            retro.findElement(By.cssSelector(".appearance-when time")).getDomAttribute("datetime"))
        .startsWith("2026-12-07T09:32:00");
    assertThat(card("lobby-t3").findElements(By.cssSelector(".badge-retroactive"))).isEmpty();
    assertThat(card("lobby-t3").getText()).contains("Now: Tony Blair");
    assertThat(card("lobby-t4").getText()).contains("Now: unknown");

    for (WebElement img : browser.findAll("#appearances img.thumb")) {
      assertThat(img.getDomAttribute("src")).startsWith("/api/v1/archive/tracks/");
      browser.await(
          20,
          "the face " + img.getDomAttribute("src") + " to load",
          d -> ((Number) browser.script("return arguments[0].naturalWidth", img)).intValue() > 0);
    }
    browser.screenshot("search-photo");
    // How long the browser waited (Resource Timing): in the test report, not asserted (two cores
    // shared with other builds).
    System.err.println(
        "search by photo in the browser, ms: "
            + browser.script(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/api/v1/search')"
                    + " || e.name.includes('/api/v1/archive/'))"
                    + ".map(e => e.name.replace(/^.*\\/api\\/v1\\//, '') + ' '"
                    + " + Math.round(e.duration)).join(', ')"));
    browser.assertNoConsoleErrors();
  }

  @Test
  void aPersonsPageLinksToTheirAppearancesAndTheKeyboardNarrowsTheSearch() {
    browser.open(console + "#/gallery/" + tonyId);
    browser.showing("#person-name", "Tony Blair");
    browser.find("#person-appearances").click();
    browser.showing("#search-summary", "Appearances of Tony Blair");
    // The search is in the address with its size, so that reloading repeats it.
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/search?person=" + tonyId + "&k=20");
    assertThat(browser.find("#search-by-person").isSelected()).isTrue();
    assertThat(browser.find("#search-person option:checked").getText()).isEqualTo("Tony Blair");
    // Ranked by the nearest of his two enrolled codes: his tracks are all found, the nearest
    // first, though another person's track may rank among them.
    List<String> found = trackIds(browser.findAll("#appearances li.appearance"));
    assertThat(found).containsAll(TONY_TRACKS);
    assertThat(found.get(0)).isIn(TONY_TRACKS);
    assertThat(browser.findAll("#appearances .badge"))
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.getText()).isEqualTo("retroactive"));
    browser.screenshot("search-person");

    // Keyboard only: from 20 up to 10 in the select, Tab to Search, Enter.
    WebElement k = browser.find("#search-k");
    k.sendKeys(Keys.ARROW_UP);
    assertThat(browser.find("#search-k option:checked").getText()).isEqualTo("10");
    k.sendKeys(Keys.TAB);
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("search-submit");
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    browser.await(
        20,
        "the search to be repeated with k=10",
        d -> d.getCurrentUrl().endsWith("#/search?person=" + tonyId + "&k=10"));
    browser.showing("#search-summary", "the nearest");
    assertThat(browser.findAll("#appearances li.appearance")).hasSizeBetween(3, 10);
    browser.assertNoConsoleErrors();
  }

  @Test
  void aPhotoWithoutAFaceAndAnUnknownPersonShowTheProblemsDetail() throws IOException {
    Path blank = dir.resolve("wall.jpg");
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xd8dee4));
    g.fillRect(0, 0, 320, 240);
    g.dispose();
    assertThat(ImageIO.write(image, "jpg", blank.toFile())).isTrue();

    browser.find("#nav a[data-view=search]").click();
    browser.find("#search-submit").click();
    browser.showing("#search-result .notice-error", "Choose a photo of the face to search for.");
    browser.find("#search-photo").sendKeys(blank.toString());
    browser.find("#search-submit").click();
    WebElement problem = browser.visible("#search-result .notice-error");
    assertThat(problem.getDomAttribute("role")).isEqualTo("alert");
    assertThat(problem.getText()).containsIgnoringCase("face").doesNotContain("answered HTTP");
    browser.screenshot("search-no-face");

    String nobody = "00000000-0000-4000-8000-000000000000";
    browser.open(console + "#/search?person=" + nobody);
    WebElement unknown = browser.visible("#search-result .notice-error");
    assertThat(unknown.getText()).isNotBlank().doesNotContain("answered HTTP");
    assertThat(browser.find("#search-person option:checked").getText())
        .isEqualTo("person " + nobody);
    browser.assertNoConsoleErrors();
  }

  private static List<String> trackIds(List<WebElement> cards) {
    return cards.stream().map(c -> c.getDomAttribute("data-track-id")).toList();
  }

  private static WebElement card(String trackId) {
    return browser.find("#appearances li[data-track-id='" + trackId + "']");
  }
}
