package io.facetrail.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.access.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Indexed videos over HTTP: a timeline in the format {@code facetrail index} writes (version 1),
 * listed and shown with face URLs; a person the gallery does not have is shown as unknown; a face
 * path outside the timeline's folder is refused.
 */
class VideosIT {
  @TempDir Path dir;

  @Test
  void timelinesAreListedShownAndRedactedForPersonsTheGalleryNoLongerHas() throws Exception {
    Path out = dir.resolve("index");
    Files.createDirectories(out.resolve("lobby.mp4.faces"));
    Files.write(
        out.resolve("lobby.mp4.faces").resolve("t0.jpg"),
        new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
    Files.writeString(dir.resolve("secret.jpg"), "outside");
    try (ApiTestServer api = new ApiTestServer(dir, Map.of("indexDir", out.toString()))) {
      String personId =
          api.postJson("/api/v1/persons", Role.OPERATOR, "{\"name\":\"Ada Lovelace\"}")
              .json()
              .get("id")
              .asString();
      Files.writeString(
          out.resolve("lobby.mp4.timeline.json"),
          """
          {"format":"facetrail-timeline","version":1,"video":"lobby.mp4",
           "source":{"path":"/videos/lobby.mp4","sizeBytes":10,"modifiedMs":1},
           "indexedAt":"2026-12-07T10:00:00Z","durationMs":9000.0,
           "persons":[{"personId":"%s","name":"Old Name","ranges":[{"fromMs":500,"toMs":4400}],"tracks":["t0"],"frames":20},
                      {"personId":"erased-person","name":"Erased Person","ranges":[{"fromMs":3000,"toMs":8000}],"tracks":["t1"],"frames":25}],
           "tracks":[{"trackId":"t0","personId":"%s","personName":"Old Name","fromMs":500,"toMs":4400,"frames":20,"distance":0.26,"threshold":0.38,"face":"lobby.mp4.faces/t0.jpg","faceQuality":0.8},
                     {"trackId":"t1","personId":"erased-person","personName":"Erased Person","fromMs":3000,"toMs":8000,"frames":25,"distance":0.29,"threshold":0.38,"face":null,"faceQuality":null}]}
          """
              .formatted(personId, personId));
      // The API's index follows the gallery within its poll interval.
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(
              () -> api.get("/api/v1/videos", Role.VIEWER).raw().body().contains("Ada Lovelace"));
      JsonNode list = api.get("/api/v1/videos", Role.VIEWER).json().get("videos");
      assertThat(list).hasSize(1);
      JsonNode video = list.get(0);
      assertThat(video.get("name").asString()).isEqualTo("lobby.mp4");
      assertThat(video.get("persons")).hasSize(1);
      String body = api.get("/api/v1/videos", Role.VIEWER).raw().body();
      assertThat(body).doesNotContain("Erased Person").doesNotContain("erased-person");

      String id = video.get("id").asString();
      ApiTestServer.Response shown = api.get("/api/v1/videos/" + id, Role.VIEWER);
      assertThat(shown.raw().body())
          .doesNotContain("Erased Person")
          .doesNotContain("/videos/lobby.mp4");
      JsonNode t0 = shown.json().get("tracks").get(0);
      assertThat(t0.get("personName").asString()).isEqualTo("Ada Lovelace");
      ApiTestServer.Response face = api.get(t0.get("faceUrl").asString(), Role.VIEWER);
      assertThat(face.status()).isEqualTo(200);
      assertThat(face.contentType()).startsWith("image/jpeg");
      assertThat(api.get("/api/v1/videos/" + id + "/faces/..%2Fsecret.jpg", Role.VIEWER).status())
          .isEqualTo(404);
      assertThat(api.get("/api/v1/videos/" + id + "/faces/../../secret.jpg", Role.VIEWER).status())
          .isEqualTo(404);
      assertThat(api.get("/api/v1/videos/bm90LWEtdmlkZW8", Role.VIEWER).status()).isEqualTo(404);
      assertThat(api.get("/api/v1/videos", null).status()).isEqualTo(401);
    }
  }
}
