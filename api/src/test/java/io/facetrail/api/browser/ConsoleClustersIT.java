package io.facetrail.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.access.Role;
import io.facetrail.api.clusters.UnknownTracks;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiService;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.runtime.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console's "Unknown faces" in real headless Chromium against a real API whose local track
 * archive holds unknown tracks made of LFW photos analysed by the real models (five people, six
 * photos each, two cameras): a viewer browses the clusters, largest first with their faces, and a
 * cluster's tracks, without the naming form; an operator opens Colin Powell's cluster by the id one
 * of his tracks was given before it merged, names him, follows the link to his person page, and
 * finds the cluster gone from the list. Screenshots go to {@code
 * target/console-screenshots/clusters-*.png}.
 */
class ConsoleClustersIT {
  private static final String POWELL = "c00000000c0b1";
  private static final String POWELL_SIXTH = "c00000000c0b2";

  @TempDir static Path dir;

  private static ApiService api;
  private static ConsoleBrowser browser;
  private static Map<String, String> personOf;
  private static String console;

  @BeforeAll
  static void start() throws IOException {
    Path lfw = SharedData.requireLfw();
    browser = ConsoleBrowser.start();
    Path archive = dir.resolve("archive");
    personOf =
        UnknownTracks.archive(
            lfw,
            archive,
            (person, i) -> person.equals("Colin_Powell") ? (i < 6 ? POWELL : POWELL_SIXTH) : null);
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
            "archive.store",
            "LOCAL",
            "archive.localDir",
            archive.toString());
    ApiConfig config = ApiConfig.loader().load(null, Map.of(), settings);
    api = ApiService.start(config, FaceAnalyzers.open(), Clock.systemUTC());
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

  private static void signIn(Role role) {
    browser.open(console);
    browser.clearCookies();
    browser.open(console);
    browser
        .visible("#signin-key")
        .sendKeys(api.keys().create("clusters " + role.id(), role).token(), Keys.ENTER);
    browser.visible("#nav");
  }

  @Test
  void unknownFacesAreBrowsedByAViewerAndNamedByAnOperator() {
    signIn(Role.VIEWER);
    browser.find("#nav a[data-view=clusters]").click();
    browser.showing("main h1", "Unknown faces");
    browser.showing("#clusters-summary", "of " + personOf.size() + " unknown tracks");
    List<WebElement> cards = browser.findAll("#clusters li.cluster");
    assertThat(cards.size()).isGreaterThanOrEqualTo(5);
    assertThat(cards.get(0).findElement(By.cssSelector(".cluster-tracks")).getText())
        .isEqualTo("6 tracks");
    assertThat(cards.get(0).getText()).contains("entrance").contains("lobby").contains("last seen");
    facesLoad("#clusters img.thumb");
    browser.screenshot("clusters-list");

    // Narrowed to clusters of several tracks, kept in the address.
    browser.find("#clusters-min").clear();
    browser.find("#clusters-min").sendKeys("2", Keys.ENTER);
    browser.await(
        20, "the list to narrow", d -> d.getCurrentUrl().endsWith("#/clusters?minTracks=2"));
    browser.showing("#clusters-summary", "of at least 2 tracks");
    assertThat(browser.findAll("#clusters li.cluster"))
        .allSatisfy(
            c ->
                assertThat(c.findElement(By.cssSelector(".cluster-tracks")).getText())
                    .doesNotStartWith("1 track"));

    browser.find("#clusters li[data-cluster-id='" + POWELL + "'] a").click();
    browser.showing("#cluster-title", POWELL);
    List<WebElement> members = browser.findAll("#cluster-members li.appearance");
    assertThat(members).hasSize(6);
    assertThat(members)
        .allSatisfy(
            m ->
                assertThat(personOf.get(m.getDomAttribute("data-track-id")))
                    .isEqualTo("Colin_Powell"));
    assertThat(members.get(0).getText()).contains("good frames").contains("lobby");
    facesLoad("#cluster-members img.thumb");
    assertThat(browser.findAll("#name-cluster")).as("a viewer cannot name").isEmpty();
    browser.screenshot("clusters-cluster");
    browser.assertNoConsoleErrors();

    signIn(Role.OPERATOR);
    browser.open(console + "#/clusters/" + POWELL_SIXTH);
    browser.showing("#cluster-title", POWELL);
    browser.showing("main .notice", POWELL_SIXTH + " has merged into " + POWELL);
    browser.find("#cluster-name").sendKeys("  ");
    browser.find("#name-cluster button[type=submit]").click();
    browser.showing("#cluster-name-result .notice-error", "must not be empty");
    browser.find("#cluster-name").clear();
    browser.find("#cluster-name").sendKeys("Colin Powell");
    browser.find("#name-cluster button[type=submit]").click();
    WebElement named = browser.visible("#cluster-named");
    assertThat(named.getText())
        .contains("Enrolled Colin Powell from 5 tracks.")
        .contains("6 of the cluster's 6 tracks are now identified as them")
        .contains("6 retroactive events not sent: this API has no broker");
    browser.screenshot("clusters-named");
    browser.find("#cluster-named-person").click();
    browser.showing("#person-name", "Colin Powell");
    assertThat(browser.find("main").getText()).contains("cluster").contains(POWELL);

    browser.open(console + "#/clusters");
    // Powell's six tracks are his now.
    browser.showing("#clusters-summary", "of " + (personOf.size() - 6) + " unknown tracks");
    assertThat(browser.findAll("#clusters li[data-cluster-id='" + POWELL + "']")).isEmpty();
    browser.assertNoConsoleErrors();
  }

  private static void facesLoad(String css) {
    List<WebElement> images = browser.findAll(css);
    assertThat(images).isNotEmpty();
    for (WebElement img : images) {
      assertThat(img.getDomAttribute("src")).startsWith("/api/v1/archive/tracks/");
      browser.await(
          20,
          "the face " + img.getDomAttribute("src") + " to load",
          d -> ((Number) browser.script("return arguments[0].naturalWidth", img)).intValue() > 0);
    }
  }
}
