package io.facetrail.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.access.Role;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.LocalTrackArchive;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.runtime.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * "Where did this face appear" over HTTP: tracks archived with codes of real LFW faces, searched by
 * an enrolled person and by a new photo of him; his tracks come first and within the threshold, the
 * others do not; the archive's faces are served; a local archive held by a pipeline answers 503;
 * once he is erased, the tracks decided as him are gone from the answers.
 */
class SearchIT {
  @TempDir Path dir;

  @Test
  void anEnrolledPersonsAppearancesAreFoundByPersonAndByPhoto() throws Exception {
    Path lfw = SharedData.requireLfw().resolve("lfw-deepfunneled");
    Path archiveDir = dir.resolve("archive");
    try (ApiTestServer api =
        new ApiTestServer(
            dir, Map.of("archive.store", "LOCAL", "archive.localDir", archiveDir.toString()))) {
      JsonNode enrolled =
          api.post(
                  "/api/v1/persons",
                  Role.OPERATOR,
                  new Multipart()
                      .field("name", "Colin Powell")
                      .file("photos", photo(lfw, "Colin_Powell", 1))
                      .file("photos", photo(lfw, "Colin_Powell", 2)))
              .json();
      String powell = enrolled.get("person").get("id").asString();

      try (FaceAnalyzer analyzer = FaceAnalyzers.open();
          LocalTrackArchive archive = LocalTrackArchive.open(archiveDir)) {
        archive(archive, analyzer, "lobby/t1", "lobby.mp4", photo(lfw, "Colin_Powell", 5), null);
        archive(archive, analyzer, "door/t7", "door", photo(lfw, "Colin_Powell", 6), powell);
        archive(archive, analyzer, "lobby/t2", "lobby.mp4", photo(lfw, "Tony_Blair", 1), null);
        archive(archive, analyzer, "door/t9", "door", photo(lfw, "Gerhard_Schroeder", 1), null);

        // Held by "a pipeline" (this test): the API says so instead of waiting.
        ApiTestServer.Response held = api.get("/api/v1/search?person=" + powell, Role.VIEWER);
        assertThat(held.status()).isEqualTo(503);
        assertThat(held.json().get("type").asString()).endsWith("/archive-unavailable");
      }

      JsonNode byPerson = api.get("/api/v1/search?person=" + powell, Role.VIEWER).json();
      assertThat(byPerson.get("searched").asInt()).isEqualTo(4);
      assertThat(byPerson.get("query").get("person").get("name").asString())
          .isEqualTo("Colin Powell");
      assertThat(trackIds(byPerson).subList(0, 2)).containsExactlyInAnyOrder("lobby/t1", "door/t7");

      JsonNode byPhoto =
          api.post(
                  "/api/v1/search?k=4",
                  Role.VIEWER,
                  new Multipart().file("photo", photo(lfw, "Colin_Powell", 7)))
              .json();
      List<JsonNode> found = new ArrayList<>();
      byPhoto.get("appearances").forEach(found::add);
      assertThat(found.subList(0, 2))
          .extracting(a -> a.get("trackId").asString())
          .containsExactlyInAnyOrder("lobby/t1", "door/t7");
      assertThat(found.subList(0, 2)).allMatch(a -> a.get("match").asBoolean());
      assertThat(found.subList(2, found.size())).noneMatch(a -> a.get("match").asBoolean());
      JsonNode door =
          found.stream()
              .filter(a -> a.get("trackId").asString().equals("door/t7"))
              .findFirst()
              .orElseThrow();
      assertThat(door.get("person").get("name").asString()).isEqualTo("Colin Powell");
      assertThat(door.get("streamId").asString()).isEqualTo("door");

      ApiTestServer.Response face = api.get(door.get("thumbnailUrl").asString(), Role.VIEWER);
      assertThat(face.status()).isEqualTo(200);
      assertThat(face.contentType()).startsWith("image/jpeg");
      assertThat(api.get("/api/v1/search?person=nobody", Role.VIEWER).status()).isEqualTo(404);
      assertThat(api.get("/api/v1/search?person=" + powell, null).status()).isEqualTo(401);

      JsonNode audit = api.get("/api/v1/audit?action=search.person", Role.ADMIN).json();
      assertThat(audit.get("entries").get(0).get("target").asString()).isEqualTo(powell);

      // Erased: the track decided as him is no longer shown, nor its face.
      assertThat(
              api.send(api.request("/api/v1/persons/" + powell, Role.OPERATOR).DELETE().build())
                  .status())
          .isEqualTo(204);
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(
              () ->
                  !trackIds(
                          api.post(
                                  "/api/v1/search?k=4",
                                  Role.VIEWER,
                                  new Multipart().file("photo", photo(lfw, "Colin_Powell", 7)))
                              .json())
                      .contains("door/t7"));
      assertThat(api.get(door.get("thumbnailUrl").asString(), Role.VIEWER).status()).isEqualTo(404);
    }
  }

  private static List<String> trackIds(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.get("appearances").forEach(a -> ids.add(a.get("trackId").asString()));
    return ids;
  }

  private static void archive(
      LocalTrackArchive archive,
      FaceAnalyzer analyzer,
      String trackId,
      String streamId,
      Path photo,
      String personId)
      throws Exception {
    DetectedFace face =
        analyzer.analyse(photo).stream()
            .max(Comparator.comparingDouble(DetectedFace::boxArea))
            .orElseThrow();
    Instant now = Instant.now();
    Moment first = new Moment(10, 2_000_000, now.toEpochMilli() - 5_000);
    Moment last = new Moment(40, 8_000_000, now.toEpochMilli() - 1_000);
    archive.put(
        new ArchivedTrack(
            trackId,
            streamId,
            face.modelId(),
            first,
            last,
            now,
            12,
            face.code(),
            List.of(),
            Files.readAllBytes(photo),
            Map.of()),
        new TrackDecision(
            trackId,
            personId,
            personId == null ? Double.NaN : 0.3,
            0.4,
            1e-3,
            1e-2,
            1,
            List.of(),
            true,
            now,
            false,
            0));
  }

  private static Path photo(Path lfw, String person, int n) {
    return lfw.resolve(person).resolve(String.format("%s_%04d.jpg", person, n));
  }
}
