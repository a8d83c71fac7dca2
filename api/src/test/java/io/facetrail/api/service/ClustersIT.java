package io.facetrail.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.access.Role;
import io.facetrail.api.clusters.UnknownTracks;
import io.facetrail.matcher.archive.LocalTrackArchive;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.runtime.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Clusters of unknown faces over HTTP, against a local archive of unknown tracks made of LFW photos
 * analysed by the real models (five people, six photos each, two cameras): clusters hold one person
 * each, an id that merged into another finds it, roles and problems, and naming a cluster enrols
 * the person, names their archived tracks and (with a broker) publishes the retroactive events the
 * API's own event feed then shows.
 */
class ClustersIT {
  /**
   * The id Colin Powell's tracks 1 to 5 were given, and the one his sixth was given (all six form
   * one cluster with the real models; Tony Blair's six photos make four).
   */
  private static final String POWELL = "c00000000c0b1";

  private static final String POWELL_SIXTH = "c00000000c0b2";

  @TempDir static Path shared;
  private static Map<String, String> personOf;

  @TempDir Path dir;

  @BeforeAll
  static void archiveUnknownTracks() throws IOException {
    Path lfw = SharedData.requireLfw();
    personOf =
        UnknownTracks.archive(
            lfw,
            shared.resolve("archive"),
            (person, i) -> person.equals("Colin_Powell") ? (i < 6 ? POWELL : POWELL_SIXTH) : null);
  }

  private int servers;

  /** A server of its own folder, with a copy of the archive. */
  private ApiTestServer server(Map<String, String> settings) {
    Path own = dir.resolve("server" + (++servers));
    Path archive = own.resolve("archive");
    copy(shared.resolve("archive"), archive);
    Map<String, String> all = new HashMap<>();
    all.put("archive.store", "LOCAL");
    all.put("archive.localDir", archive.toString());
    all.putAll(settings);
    return new ApiTestServer(own, all);
  }

  @Test
  void clustersAreListedShownAndNamed() {
    try (ApiTestServer api = server(Map.of())) {
      ApiTestServer.Response listed = api.get("/api/v1/clusters", Role.VIEWER);
      assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
      JsonNode list = listed.json();
      System.err.println(list.toPrettyString());
      assertThat(list.get("clusteredTracks").asInt()).isEqualTo(personOf.size());
      List<JsonNode> clusters = new ArrayList<>();
      list.get("clusters").forEach(clusters::add);
      assertThat(clusters).hasSize(list.get("clusterCount").asInt());
      for (int i = 1; i < clusters.size(); i++) {
        assertThat(clusters.get(i).get("tracks").asInt())
            .isLessThanOrEqualTo(clusters.get(i - 1).get("tracks").asInt());
      }
      // Precision first: every cluster holds one person's tracks.
      int clusteredPeople = 0;
      for (JsonNode c : clusters) {
        JsonNode shown = api.get("/api/v1/clusters/" + c.get("id").asString(), Role.VIEWER).json();
        List<String> people = new ArrayList<>();
        shown.get("members").forEach(m -> people.add(personOf.get(m.get("trackId").asString())));
        assertThat(people.stream().distinct()).as(shown.toString()).hasSize(1);
        assertThat(shown.get("members")).hasSize(c.get("tracks").asInt());
        clusteredPeople += c.get("tracks").asInt() >= 2 ? 1 : 0;
      }
      assertThat(clusteredPeople).isGreaterThanOrEqualTo(3);

      JsonNode powell = api.get("/api/v1/clusters/" + POWELL, Role.VIEWER).json();
      assertThat(powell.get("id").asString()).isEqualTo(POWELL);
      assertThat(powell.get("mergedInto").isNull()).isTrue();
      assertThat(powell.get("tracks").asInt()).isEqualTo(UnknownTracks.PHOTOS);
      JsonNode first = powell.get("members").get(0);
      assertThat(first.get("archived").asBoolean()).isTrue();
      assertThat(first.get("streamId").asString()).isIn("lobby", "entrance");
      assertThat(first.get("firstSeen").get("mediaTimeMs").asDouble()).isPositive();
      ApiTestServer.Response face = api.get(powell.get("thumbnailUrl").asString(), Role.VIEWER);
      assertThat(face.status()).isEqualTo(200);
      assertThat(face.contentType()).startsWith("image/jpeg");
      assertThat(face.header("Cache-Control")).isEqualTo("no-store");

      // The id the sixth photo's track was given resolves to the cluster it is in now.
      JsonNode sixth = api.get("/api/v1/clusters/" + POWELL_SIXTH, Role.VIEWER).json();
      assertThat(sixth.get("requestedId").asString()).isEqualTo(POWELL_SIXTH);
      assertThat(sixth.get("mergedInto").asString()).isEqualTo(POWELL);

      // Limits, roles, problems.
      JsonNode two = api.get("/api/v1/clusters?minTracks=2&limit=1", Role.VIEWER).json();
      assertThat(two.get("clusters")).hasSize(1);
      assertThat(two.get("matching").asInt()).isEqualTo(clusteredPeople);
      assertThat(api.get("/api/v1/clusters?limit=0", Role.VIEWER).status()).isEqualTo(400);
      assertThat(api.get("/api/v1/clusters?minTracks=many", Role.VIEWER).status()).isEqualTo(400);
      assertThat(api.get("/api/v1/clusters", null).status()).isEqualTo(401);
      ApiTestServer.Response unknown = api.get("/api/v1/clusters/c123456789abc", Role.VIEWER);
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.contentType()).startsWith("application/problem+json");
      assertThat(unknown.json().get("type").asString()).endsWith("/unknown-cluster");
      String naming = "/api/v1/clusters/" + POWELL + "/name";
      assertThat(api.postJson(naming, Role.VIEWER, "{\"name\":\"Colin Powell\"}").status())
          .isEqualTo(403);
      assertThat(api.postJson(naming, Role.OPERATOR, "{\"name\":\"  \"}").status()).isEqualTo(422);
      assertThat(api.postJson(naming, Role.OPERATOR, "not json").status()).isEqualTo(400);
      assertThat(
              api.postJson(naming, Role.OPERATOR, "{\"name\":\"Colin Powell\",\"faces\":0}")
                  .status())
          .isEqualTo(422);
      assertThat(
              api.postJson("/api/v1/clusters/c123456789abc/name", Role.OPERATOR, "{\"name\":\"X\"}")
                  .status())
          .isEqualTo(404);
      assertThat(api.get("/api/v1/persons", Role.VIEWER).json().get("total").asInt()).isZero();

      ApiTestServer.Response named =
          api.postJson(naming, Role.OPERATOR, "{\"name\":\"Colin Powell\"}");
      assertThat(named.status()).as(named.raw().body()).isEqualTo(201);
      JsonNode result = named.json();
      System.err.println(result.toPrettyString());
      String personId = result.get("person").get("id").asString();
      assertThat(named.header("Location")).isEqualTo("/api/v1/persons/" + personId);
      assertThat(result.get("person").get("name").asString()).isEqualTo("Colin Powell");
      assertThat(result.get("cluster").get("id").asString()).isEqualTo(POWELL);
      assertThat(result.get("enrolledTracks")).hasSizeBetween(1, 5);
      assertThat(result.get("clusterTracksIdentified").asInt()).isGreaterThanOrEqualTo(2);
      assertThat(result.get("events").get("count").asInt())
          .isEqualTo(
              result.get("clusterTracksIdentified").asInt()
                  + result.get("otherTracksChanged").asInt());
      assertThat(result.get("events").get("published").asBoolean()).isFalse();
      assertThat(result.get("events").get("detail").asString()).contains("no broker");
      assertThat(api.get("/api/v1/persons/" + personId, Role.VIEWER).status()).isEqualTo(200);

      JsonNode audit = api.get("/api/v1/audit?action=cluster.name", Role.ADMIN).json();
      JsonNode entry = audit.get("entries").get(0);
      assertThat(entry.get("target").asString()).isEqualTo(personId);
      assertThat(entry.toString()).contains(POWELL).doesNotContain("Powell");

      // The named tracks left the clusters at once, and the archive names only him.
      JsonNode after = api.get("/api/v1/clusters", Role.VIEWER).json();
      assertThat(after.get("clusteredTracks").asInt())
          .isEqualTo(personOf.size() - result.get("clusterTracksIdentified").asInt());
      JsonNode searched = api.get("/api/v1/search?person=" + personId, Role.VIEWER).json();
      searched
          .get("appearances")
          .forEach(
              a -> {
                if (!a.get("person").isNull()) {
                  assertThat(personOf.get(a.get("trackId").asString())).isEqualTo("Colin_Powell");
                  assertThat(a.get("retroactive").asBoolean()).isTrue();
                }
              });
    }
  }

  @Test
  void clustersNeedClusteringAndAnArchive() {
    try (ApiTestServer api = server(Map.of("clusters.enabled", "false"))) {
      ApiTestServer.Response off = api.get("/api/v1/clusters", Role.VIEWER);
      assertThat(off.status()).isEqualTo(409);
      assertThat(off.json().get("type").asString()).endsWith("/clustering-off");
    }
    try (ApiTestServer api = server(Map.of("archive.store", "OFF"))) {
      ApiTestServer.Response off =
          api.postJson("/api/v1/clusters/" + POWELL + "/name", Role.OPERATOR, "{\"name\":\"T\"}");
      assertThat(off.status()).isEqualTo(409);
      assertThat(off.json().get("type").asString()).endsWith("/archive-off");
    }
    try (ApiTestServer api = server(Map.of());
        LocalTrackArchive held =
            LocalTrackArchive.open(dir.resolve("server3").resolve("archive"))) {
      // Held by "a pipeline" (this test): the API says so instead of waiting.
      assertThat(held.count()).isEqualTo(personOf.size());
      ApiTestServer.Response busy = api.get("/api/v1/clusters", Role.VIEWER);
      assertThat(busy.status()).isEqualTo(503);
      assertThat(busy.json().get("type").asString()).endsWith("/archive-unavailable");
    }
  }

  @Test
  void namingPublishesTheRetroactiveEventsTheEventFeedThenShows() {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral()) {
      KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "clusters-it.");
      TopicAdmin.ensureTopics(kafka, List.of(kafka.topics().identity(), kafka.topics().tracks()));
      try (ApiTestServer api =
          server(
              Map.of(
                  "events.enabled",
                  "true",
                  "kafka.bootstrapServers",
                  broker.bootstrapServers(),
                  "kafka.topicPrefix",
                  "clusters-it."))) {
        JsonNode result =
            api.postJson(
                    "/api/v1/clusters/" + POWELL + "/name",
                    Role.OPERATOR,
                    "{\"name\":\"Colin Powell\"}")
                .json();
        JsonNode events = result.get("events");
        assertThat(events.get("published").asBoolean()).as(result.toString()).isTrue();
        assertThat(events.get("topic").asString()).isEqualTo("clusters-it.identity.v1");
        String personId = result.get("person").get("id").asString();
        int count = events.get("count").asInt();
        assertThat(count).isGreaterThanOrEqualTo(2);
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  JsonNode feed = api.get("/api/v1/events?person=" + personId, Role.VIEWER).json();
                  assertThat(feed.get("events")).hasSize(count);
                  feed.get("events")
                      .forEach(
                          e -> {
                            assertThat(e.get("retroactive").asBoolean()).isTrue();
                            assertThat(e.get("type").asString()).isEqualTo("identified");
                          });
                });
      }
    }
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
