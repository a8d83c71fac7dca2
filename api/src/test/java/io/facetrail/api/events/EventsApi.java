package io.facetrail.api.events;

import com.google.protobuf.ByteString;
import io.facetrail.api.access.Role;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiService;
import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.contracts.serde.RecordSerdes;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real API service (its own topic prefix, gallery, keys) against a broker, with a producer of
 * identity and track events and an HTTP client: what the event integration tests drive.
 */
final class EventsApi implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();

  final KafkaSettings kafka;
  final Gallery gallery;
  final ApiService service;
  final String viewerKey;
  final String operatorKey;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final KafkaProducer<String, byte[]> producer;
  private final IdentityEventSerde serde = new IdentityEventSerde();

  /**
   * @param persons created in the gallery before the service starts, by name; their ids are in
   *     {@link #personIds}
   */
  EventsApi(
      String bootstrap,
      String prefix,
      Path dir,
      Map<String, String> settings,
      List<String> persons) {
    kafka = KafkaSettings.local(bootstrap, prefix);
    TopicAdmin.ensureTopics(kafka, List.of(kafka.topics().identity(), kafka.topics().tracks()));
    Map<String, String> s = new HashMap<>();
    s.put("http.port", "0");
    s.put("kafka.bootstrapServers", bootstrap);
    s.put("kafka.topicPrefix", prefix);
    s.put("gallery.localDir", dir.resolve("gallery").toString());
    s.put("access.keysFile", dir.resolve("keys.json").toString());
    s.put("access.auditFile", dir.resolve("audit.jsonl").toString());
    s.put("access.requestsPerMinute", "100000");
    s.put("events.sweepInterval", "200ms");
    s.put("events.keepAlive", "1s");
    s.putAll(settings);
    ApiConfig config = ApiConfig.loader().load(null, Map.of(), s);
    gallery = GalleryStores.open(config.gallery(), Clock.systemUTC());
    for (String name : persons) {
      personIds.put(name, gallery.createPerson(name, Map.of()).id());
    }
    service = ApiService.start(config, new FakeFaceAnalyzer(), Clock.systemUTC());
    viewerKey = service.keys().create("viewer", Role.VIEWER).token();
    operatorKey = service.keys().create("operator", Role.OPERATOR).token();
    producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka, "events-it"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  final Map<String, String> personIds = new HashMap<>();

  /** Publishes an identity event (key = track id, timestamp = emission time) and waits for it. */
  void publish(IdentityEvent e) throws InterruptedException, ExecutionException, TimeoutException {
    producer
        .send(
            new ProducerRecord<>(
                kafka.topics().identity().name(),
                null,
                e.emittedAt().toEpochMilli(),
                e.trackId(),
                serde.serialize(null, e)))
        .get(30, TimeUnit.SECONDS);
  }

  /** Publishes events in this order without waiting for each, then waits for all. */
  void publishAll(List<IdentityEvent> events) {
    for (IdentityEvent e : events) {
      producer.send(
          new ProducerRecord<>(
              kafka.topics().identity().name(),
              null,
              e.emittedAt().toEpochMilli(),
              e.trackId(),
              serde.serialize(null, e)));
    }
    producer.flush();
  }

  /** Publishes an observation of {@code track} with a face thumbnail. */
  void observe(String stream, String track, long index, byte[] jpeg, float quality)
      throws InterruptedException, ExecutionException, TimeoutException {
    float[] unit = new float[FaceCode.DIMENSIONS];
    unit[0] = 1;
    TrackEvent t =
        TrackEvent.newBuilder()
            .setTrackId(track)
            .setStreamId(stream)
            .setObservation(
                TrackObservation.newBuilder()
                    .setAt(FrameTime.newBuilder().setSequence(index).setMediaTimeUs(index * 1000))
                    .setIndex(index)
                    .setBox(Box.newBuilder().setX(1).setY(1).setWidth(50).setHeight(50))
                    .setDetectionScore(0.9f)
                    .setQuality(quality)
                    .setCode(ByteString.copyFrom(FaceCode.quantise(unit)))
                    .setModelId("facenet-v1")
                    .setThumbnailJpeg(ByteString.copyFrom(jpeg)))
            .build();
    producer
        .send(
            new ProducerRecord<>(
                kafka.topics().tracks().name(),
                track,
                RecordSerdes.trackEvent().serialize(null, t)))
        .get(30, TimeUnit.SECONDS);
  }

  URI uri(String pathAndQuery) {
    return service.loopbackUri().resolve(pathAndQuery);
  }

  HttpResponse<byte[]> get(String pathAndQuery, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The event ids of SSE events' data. */
  static List<String> eventIds(List<SseConnection.Event> events) {
    return events.stream().map(ev -> JSON.readTree(ev.data()).get("eventId").asString()).toList();
  }

  /** GET as a viewer, the answer as JSON (any status). */
  JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
    return JSON.readTree(get(pathAndQuery, viewerKey).body());
  }

  int delete(String path, String key) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + key)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  SseConnection live(String query, String lastEventId) throws IOException, InterruptedException {
    return SseConnection.open(http, uri("/api/v1/events/live" + query), viewerKey, lastEventId);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    service.close();
    gallery.close();
  }
}
