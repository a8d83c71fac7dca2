package io.facetrail.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.facetrail.api.access.Role;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiService;
import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.identity.PersonRef;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.contracts.serde.RecordSerdes;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.runtime.testing.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The live wall and the event review in headless Chromium, fed through the in-JVM broker as a
 * matcher and a tracker would feed them: an event published before the page opens is there from the
 * recent events, one published while it is open arrives over Server-Sent Events in its camera's
 * column with its track's face; the review filters by camera and person. The last screenshot is the
 * README's picture of the console ({@code docs/console.png}).
 */
class ConsoleLiveWallIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final IdentityEventSerde SERDE = new IdentityEventSerde();

  @TempDir static Path dir;

  private static EmbeddedKafkaBroker broker;
  private static KafkaSettings kafka;
  private static KafkaProducer<String, byte[]> producer;
  private static ApiService api;
  private static ConsoleBrowser browser;
  private static String key;

  @BeforeAll
  static void start() {
    browser = ConsoleBrowser.start();
    broker = EmbeddedKafkaBroker.startEphemeral();
    kafka = KafkaSettings.local(broker.bootstrapServers(), "console.");
    TopicAdmin.ensureTopics(kafka, List.of(kafka.topics().identity(), kafka.topics().tracks()));
    Map<String, String> settings =
        Map.of(
            "http.port", "0",
            "kafka.bootstrapServers", broker.bootstrapServers(),
            "kafka.topicPrefix", "console.",
            "gallery.store", "LOCAL",
            "gallery.localDir", dir.resolve("gallery").toString(),
            "access.keysFile", dir.resolve("api-keys.json").toString(),
            "access.auditFile", dir.resolve("audit.jsonl").toString());
    ApiConfig config = ApiConfig.loader().load(null, Map.of(), settings);
    api = ApiService.start(config, FaceAnalyzers.open(), Clock.systemUTC());
    key = api.keys().create("wall", Role.OPERATOR).token();
    producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka, "console-it"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void stop() {
    try (AutoCloseable b = browser;
        AutoCloseable k = broker;
        AutoCloseable a = api;
        AutoCloseable p = producer) {
      // Closed in reverse order: the producer, the API, the broker, the browser.
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void eventsAppearOnTheWallPerCameraWithTheirFacesAndInTheReview() throws Exception {
    Path lfw = SharedData.requireLfw().resolve("lfw-deepfunneled");
    String powell = createPerson("Colin Powell");
    String blair = createPerson("Tony Blair");
    Instant now = Instant.now();
    observe("lobby", "lobby/r0/t0", lfw.resolve("Colin_Powell/Colin_Powell_0001.jpg"));
    publish(event(1, "lobby", "lobby/r0/t0", new PersonRef(powell, "Colin Powell"), now));
    observe("lobby", "lobby/r0/t1", lfw.resolve("Tony_Blair/Tony_Blair_0002.jpg"));
    publish(event(2, "lobby", "lobby/r0/t1", null, now.plusSeconds(1)));
    awaitEvents(2);

    browser.open(api.loopbackUri() + "/console/");
    browser.visible("#signin-key").sendKeys(key, Keys.ENTER);
    browser.showing("#live-state", "Live: connected.");
    WebElement lobby = browser.visible("#wall .camera[data-camera=lobby]");
    browser.showing("#wall .camera[data-camera=lobby]", "Colin Powell");
    assertThat(lobby.findElements(By.cssSelector(".event"))).hasSize(2);
    // Camera status: a camera known from its events only (no ingest service reports it).
    browser.showing("#wall .camera[data-camera=lobby] .camera-status", "seen");
    assertThat(lobby.findElement(By.cssSelector(".event")).getText()).contains("unknown");

    // While the wall is open: a new camera, a known face, over SSE.
    observe("yard", "yard/r0/t0", lfw.resolve("Tony_Blair/Tony_Blair_0001.jpg"));
    publish(event(3, "yard", "yard/r0/t0", new PersonRef(blair, "Tony Blair"), Instant.now()));
    WebElement card = browser.visible("#wall .camera[data-camera=yard] .event.fresh");
    assertThat(card.getText()).contains("Tony Blair", "identified", "distance 0.300 ≤ 0.500");
    WebElement face = card.findElement(By.cssSelector("img.thumb"));
    assertThat(face.getDomAttribute("src")).isEqualTo("/api/v1/tracks/yard/r0/t0/thumbnail.jpg");
    browser.await(
        10,
        "the track's face to load",
        d -> ((Number) browser.script("return arguments[0].naturalWidth", face)).intValue() > 0);
    Path wall = browser.screenshot("20-live-wall");
    assertThat(Files.size(wall)).isPositive();
    browser.assertNoConsoleErrors();

    browser.find("#nav a[data-view=events]").click();
    browser.showing("#review-result", "3 events");
    browser.find("#filter-camera").sendKeys("lobby");
    browser.find("#review-filters button[type=submit]").click();
    browser.showing("#review-result", "2 events");
    browser.find("#filter-camera").clear();
    new Select(browser.find("#filter-person")).selectByVisibleText("Tony Blair");
    browser.find("#review-filters button[type=submit]").click();
    browser.showing("#review-result", "1 event,");
    assertThat(browser.find("#events tbody").getText()).contains("yard", "Tony Blair");
    browser.screenshot("21-event-review");

    // Erased while the wall is open: the card naming them leaves it.
    browser.find("#nav a[data-view=live]").click();
    browser.visible("#wall .camera[data-camera=yard] .event");
    assertThat(delete("/api/v1/persons/" + blair).statusCode()).isEqualTo(204);
    browser.await(
        40,
        "the erased person's card to leave the wall",
        d -> d.findElements(By.cssSelector("#wall .camera[data-camera=yard] .event")).isEmpty());
    assertThat(browser.find("#wall").getText())
        .doesNotContain("Tony Blair")
        .contains("Colin Powell");
    browser.assertNoConsoleErrors();
  }

  private static IdentityEvent event(
      long n, String stream, String track, PersonRef person, Instant at) {
    Moment m = new Moment(n, n * 1000, at.toEpochMilli());
    return new IdentityEvent(
        IdentityEvent.SCHEMA_VERSION,
        String.format("%032x", n),
        person == null ? IdentityEventType.UNKNOWN : IdentityEventType.IDENTIFIED,
        stream,
        track,
        person,
        null,
        null,
        person == null ? null : 0.3,
        0.5,
        1e-3,
        null,
        null,
        null,
        m,
        m,
        3,
        "dlib-r29-v1",
        at,
        Map.of());
  }

  private static void publish(IdentityEvent e) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                kafka.topics().identity().name(),
                null,
                e.emittedAt().toEpochMilli(),
                e.trackId(),
                SERDE.serialize(null, e)))
        .get(30, TimeUnit.SECONDS);
  }

  /** A track observation carrying the face thumbnail, as the tracker publishes it. */
  private static void observe(String stream, String track, Path jpeg) throws Exception {
    float[] unit = new float[FaceCode.DIMENSIONS];
    unit[0] = 1;
    TrackEvent t =
        TrackEvent.newBuilder()
            .setTrackId(track)
            .setStreamId(stream)
            .setObservation(
                TrackObservation.newBuilder()
                    .setAt(FrameTime.newBuilder().setSequence(1).setMediaTimeUs(1000))
                    .setIndex(1)
                    .setBox(Box.newBuilder().setX(1).setY(1).setWidth(50).setHeight(50))
                    .setDetectionScore(0.9f)
                    .setQuality(0.8f)
                    .setCode(ByteString.copyFrom(FaceCode.quantise(unit)))
                    .setModelId("dlib-r29-v1")
                    .setThumbnailJpeg(ByteString.copyFrom(Files.readAllBytes(jpeg))))
            .build();
    producer
        .send(
            new ProducerRecord<>(
                kafka.topics().tracks().name(),
                track,
                RecordSerdes.trackEvent().serialize(null, t)))
        .get(30, TimeUnit.SECONDS);
  }

  private static void awaitEvents(int count) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(get("/api/v1/events").body())
                    .contains("\"trackId\":\"lobby/r0/t" + (count - 1) + "\""));
  }

  private static String createPerson(String name) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api.loopbackUri() + "/api/v1/persons"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String location = r.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static HttpResponse<String> delete(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(api.loopbackUri() + path))
            .header("Authorization", "Bearer " + key)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(api.loopbackUri() + path))
            .header("Authorization", "Bearer " + key)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
