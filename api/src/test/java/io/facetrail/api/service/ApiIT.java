package io.facetrail.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.access.Role;
import io.facetrail.runtime.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The API over real HTTP with the real face models and LFW photos: authentication, roles, sessions
 * and CSRF, problem errors, request limits, enrolment with a per-photo outcome, identification and
 * verification, rename and erasure, the audit log.
 */
class ApiIT {
  @TempDir static Path dir;
  static ApiTestServer api;
  static Path lfw;

  @BeforeAll
  static void start() {
    lfw = SharedData.requireLfw().resolve("lfw-deepfunneled");
    api =
        new ApiTestServer(
            dir,
            Map.of(
                "limits.maxRequestBytes", "3000000",
                "limits.maxPhotoBytes", "1000000",
                "limits.maxPhotosPerRequest", "6",
                "limits.maxPixels", "4000000"));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  static Path photo(String person, int n) {
    return lfw.resolve(person).resolve(String.format("%s_%04d.jpg", person, n));
  }

  static void assertProblem(ApiTestServer.Response r, int status, String typeEnd) {
    assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asString()).isNotBlank();
    assertThat(p.get("detail").asString()).isNotBlank();
    if (typeEnd != null) {
      assertThat(p.get("type").asString()).as(r.raw().body()).endsWith("/" + typeEnd);
    }
  }

  @Test
  void healthAndTheOpenApiDocumentArePublicAndEverythingElseNeedsAKey() {
    assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/openapi.yaml", null).raw().body()).contains("openapi:");
    ApiTestServer.Response none = api.get("/api/v1/persons", null);
    assertProblem(none, 401, "unauthenticated");
    assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
    String forged = api.keys.get(Role.ADMIN).substring(0, 30) + "x".repeat(30);
    ApiTestServer.Response wrong =
        api.send(
            api.request("/api/v1/persons", null)
                .header("Authorization", "Bearer " + forged)
                .GET()
                .build());
    assertProblem(wrong, 401, "unauthenticated");
    ApiTestServer.Response basic =
        api.send(
            api.request("/api/v1/persons", null)
                .header("Authorization", "Basic YTpi")
                .GET()
                .build());
    assertProblem(basic, 401, "unauthenticated");
    assertProblem(api.get("/api/v1/nothing-here", Role.VIEWER), 404, "not-found");
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() {
    var store =
        new io.facetrail.api.access.ApiKeyStore(
            dir.resolve("keys.json"), java.time.Clock.systemUTC());
    var created = store.create("short-lived", Role.VIEWER);
    HttpRequest req =
        api.request("/api/v1/persons", null)
            .header("Authorization", "Bearer " + created.token())
            .GET()
            .build();
    assertThat(api.send(req).status()).isEqualTo(200);
    assertThat(store.revoke(created.key().id())).isTrue();
    assertProblem(api.send(req), 401, "unauthenticated");
  }

  @Test
  void rolesDecideWhoMayChangeTheGalleryAndReadTheAuditLog() {
    assertThat(api.get("/api/v1/persons", Role.VIEWER).status()).isEqualTo(200);
    assertProblem(
        api.postJson("/api/v1/persons", Role.VIEWER, "{\"name\":\"Nobody\"}"), 403, "forbidden");
    ApiTestServer.Response created =
        api.postJson("/api/v1/persons", Role.OPERATOR, "{\"name\":\"Role Check\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.header("Location")).isEqualTo("/api/v1/persons/" + id);
    assertProblem(api.get("/api/v1/audit", Role.OPERATOR), 403, "forbidden");
    ApiTestServer.Response audit = api.get("/api/v1/audit?target=" + id, Role.ADMIN);
    assertThat(audit.status()).isEqualTo(200);
    JsonNode entry = audit.json().get("entries").get(0);
    assertThat(entry.get("action").asString()).isEqualTo("person.create");
    assertThat(entry.get("keyName").asString()).isEqualTo("test-operator");
    // The audit log names persons by id only: it outlives an erasure.
    assertThat(audit.raw().body()).doesNotContain("Role Check");
  }

  @Test
  void enrolmentByUploadGivesEveryPhotoAnOutcomeAndIdentifyFindsThePerson() throws Exception {
    Path notAnImage = dir.resolve("notes.txt");
    Files.writeString(notAnImage, "not a photo");
    Multipart form =
        new Multipart()
            .field("name", "Colin Powell")
            .file("photos", photo("Colin_Powell", 1))
            .file("photos", "huge.png", pngHeader(20_000, 20_000))
            .file("photos", notAnImage)
            .file("photos", photo("Colin_Powell", 2))
            .file("photos", photo("Colin_Powell", 3));
    ApiTestServer.Response r = api.post("/api/v1/persons", Role.OPERATOR, form);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    List<String> results = new ArrayList<>();
    for (JsonNode o : r.json().get("outcomes")) {
      results.add(o.get("photo").asString() + "=" + o.get("result").asString());
    }
    assertThat(results)
        .containsExactly(
            "Colin_Powell_0001.jpg=enrolled",
            "huge.png=too_large",
            "notes.txt=unreadable",
            "Colin_Powell_0002.jpg=enrolled",
            "Colin_Powell_0003.jpg=enrolled");
    String id = r.json().get("person").get("id").asString();

    // The same photos again: nothing added twice.
    ApiTestServer.Response again =
        api.post(
            "/api/v1/persons/" + id + "/photos",
            Role.OPERATOR,
            new Multipart()
                .file("photos", photo("Colin_Powell", 1))
                .file("photos", photo("Colin_Powell", 4)));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("outcomes").get(0).get("result").asString())
        .isEqualTo("already_enrolled");
    assertThat(again.json().get("person").get("photos").asInt()).isEqualTo(4);

    // The API follows the gallery's change feed, like a matcher.
    JsonNode decision = awaitIdentified(photo("Colin_Powell", 10));
    assertThat(decision.get("decision").asString()).isEqualTo("identified");
    assertThat(decision.get("person").get("name").asString()).isEqualTo("Colin Powell");
    assertThat(decision.get("distance").asDouble())
        .isLessThan(decision.get("threshold").asDouble());

    ApiTestServer.Response stranger =
        api.post(
            "/api/v1/identify",
            Role.VIEWER,
            new Multipart().file("photo", photo("Gerhard_Schroeder", 1)));
    assertThat(stranger.json().get("decision").asString()).isEqualTo("unknown");
    assertThat(stranger.json().get("person").isNull()).isTrue();

    JsonNode same =
        api.post(
                "/api/v1/verify",
                Role.VIEWER,
                new Multipart()
                    .file("photoA", photo("Tony_Blair", 1))
                    .file("photoB", photo("Tony_Blair", 2)))
            .json();
    assertThat(same.get("samePerson").asBoolean()).isTrue();
    JsonNode different =
        api.post(
                "/api/v1/verify",
                Role.VIEWER,
                new Multipart()
                    .file("photoA", photo("Tony_Blair", 1))
                    .file("photoB", photo("Colin_Powell", 1)))
            .json();
    assertThat(different.get("samePerson").asBoolean()).isFalse();

    // Renamed, then erased: gone from the API and from identification.
    ApiTestServer.Response renamed =
        api.send(
            api.request("/api/v1/persons/" + id, Role.OPERATOR)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"C. Powell\"}"))
                .build());
    assertThat(renamed.json().get("name").asString()).isEqualTo("C. Powell");
    ApiTestServer.Response erased =
        api.send(api.request("/api/v1/persons/" + id, Role.OPERATOR).DELETE().build());
    assertThat(erased.status()).isEqualTo(204);
    assertProblem(api.get("/api/v1/persons/" + id, Role.VIEWER), 404, "unknown-person");
    assertProblem(
        api.send(api.request("/api/v1/persons/" + id, Role.OPERATOR).DELETE().build()),
        404,
        "unknown-person");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                api.post(
                        "/api/v1/identify",
                        Role.VIEWER,
                        new Multipart().file("photo", photo("Colin_Powell", 10)))
                    .json()
                    .get("decision")
                    .asString()
                    .equals("unknown"));
  }

  private static JsonNode awaitIdentified(Path photo) {
    JsonNode[] last = new JsonNode[1];
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () -> {
              last[0] =
                  api.post(
                          "/api/v1/identify?k=3", Role.VIEWER, new Multipart().file("photo", photo))
                      .json();
              return last[0].get("gallerySize").asInt() > 0;
            });
    return last[0];
  }

  @Test
  void refusedRequestsSayWhyInProblemJson() {
    assertProblem(
        api.postJson("/api/v1/persons", Role.OPERATOR, "{\"name\":\"bad\\u0007name\"}"),
        422,
        "invalid-fields");
    assertProblem(api.postJson("/api/v1/persons", Role.OPERATOR, "{not json"), 400, "bad-request");
    assertProblem(api.postJson("/api/v1/identify", Role.VIEWER, "{}"), 415, "not-multipart");
    assertProblem(
        api.post("/api/v1/identify", Role.VIEWER, new Multipart().field("other", "x")),
        400,
        "bad-request");
    assertProblem(api.get("/api/v1/persons?limit=0", Role.VIEWER), 400, "bad-request");
    assertProblem(api.get("/api/v1/identify", Role.VIEWER), 405, null);
  }

  @Test
  void requestsOverTheLimitsAreRefusedBeforeTheyAreRead() {
    Multipart many = new Multipart().field("name", "Too Many");
    for (int i = 1; i <= 7; i++) {
      many.file("photos", photo("Colin_Powell", i));
    }
    assertProblem(api.post("/api/v1/persons", Role.OPERATOR, many), 413, "too-many-photos");
    ApiTestServer.Response big =
        api.post(
            "/api/v1/identify",
            Role.VIEWER,
            new Multipart().file("photo", "big.jpg", new byte[3_500_000]));
    assertProblem(big, 413, null);
    ApiTestServer.Response pixels =
        api.post(
            "/api/v1/identify",
            Role.VIEWER,
            new Multipart().file("photo", "wide.png", pngHeader(3000, 3000)));
    assertProblem(pixels, 413, "photo-too-large");
  }

  @Test
  void theConsoleSignsInWithAKeyIntoAnHttpOnlySessionThatNeedsTheCsrfTokenToChangeAnything() {
    ApiTestServer.Response signIn =
        api.postJson("/api/v1/session", null, "{\"key\":\"" + api.keys.get(Role.OPERATOR) + "\"}");
    assertThat(signIn.status()).isEqualTo(200);
    String setCookie = signIn.header("Set-Cookie");
    assertThat(setCookie)
        .contains("facetrail_session=")
        .contains("HttpOnly")
        .contains("SameSite=Strict");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String csrf = signIn.json().get("csrfToken").asString();
    assertThat(signIn.json().get("role").asString()).isEqualTo("operator");

    ApiTestServer.Response me =
        api.send(api.request("/api/v1/session", null).header("Cookie", cookie).GET().build());
    assertThat(me.json().get("keyName").asString()).isEqualTo("test-operator");

    HttpRequest.Builder create =
        api.request("/api/v1/persons", null)
            .header("Cookie", cookie)
            .header("Content-Type", "application/json");
    assertProblem(
        api.send(
            create.copy().POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Csrf\"}")).build()),
        403,
        "csrf");
    assertProblem(
        api.send(
            create
                .copy()
                .header("X-CSRF-Token", "wrong")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Csrf\"}"))
                .build()),
        403,
        "csrf");
    assertThat(
            api.send(
                    create
                        .copy()
                        .header("X-CSRF-Token", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Csrf\"}"))
                        .build())
                .status())
        .isEqualTo(201);

    assertThat(
            api.send(
                    api.request("/api/v1/session", null)
                        .header("Cookie", cookie)
                        .header("X-CSRF-Token", csrf)
                        .DELETE()
                        .build())
                .status())
        .isEqualTo(204);
    assertProblem(
        api.send(api.request("/api/v1/persons", null).header("Cookie", cookie).GET().build()),
        401,
        "unauthenticated");
    assertProblem(
        api.postJson("/api/v1/session", null, "{\"key\":\"ftk_nope\"}"), 401, "unauthenticated");
  }

  /** The first bytes of a PNG whose header states {@code w} x {@code h}: nothing to decode. */
  static byte[] pngHeader(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(w).putInt(h);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
    out.writeBytes(ihdr.array());
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    out.writeBytes(new byte[64]);
    return out.toByteArray();
  }
}
