package io.facetrail.benchmarks.api;

import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live identity events to many Server-Sent-Events clients: events are published on the identity
 * topic at a steady rate, each stamped with the wall-clock moment it was published ({@code
 * emittedAt}); every client records when each event reached it. Delivery latency is publication to
 * arrival, through the broker, the API's feed and its fan-out.
 */
final class LiveEventsBench {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One measurement. */
  record Result(Percentiles latencyMs, int expected, long lost, long duplicated) {}

  /** The benchmark's event ids: 32 hex digits (the schema's pattern) starting with this. */
  static final String ID_PREFIX = "be7c4";

  private LiveEventsBench() {}

  static String eventId(int i) {
    return ID_PREFIX + String.format("%027x", i);
  }

  static Result run(
      URI base,
      String key,
      KafkaSettings kafka,
      String identityTopic,
      String personId,
      int clients,
      int events,
      double perSecond,
      java.util.function.IntSupplier connectedClients)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Double> latencies = new CopyOnWriteArrayList<>();
    Map<Integer, Set<String>> seen = new ConcurrentHashMap<>();
    List<Thread> readers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      seen.put(client, ConcurrentHashMap.newKeySet());
      Thread t = new Thread(() -> read(http, base, key, client, latencies, seen.get(client)));
      t.setName("sse-client-" + client);
      t.setDaemon(true);
      t.start();
      readers.add(t);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (connectedClients.getAsInt() < clients && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka, "bench-api"),
            new StringSerializer(),
            new StringSerializer())) {
      long start = System.nanoTime();
      long interval = Math.round(1e9 / perSecond);
      for (int i = 0; i < events; i++) {
        LockSupport.parkNanos(start + i * interval - System.nanoTime());
        String track = "bench-cam/" + (i % 20);
        producer.send(new ProducerRecord<>(identityTopic, track, event(i, track, personId)));
        producer.flush();
      }
    }
    long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < waitUntil
        && seen.values().stream().mapToInt(Set::size).sum() < (long) events * clients) {
      Thread.sleep(100);
    }
    readers.forEach(Thread::interrupt);
    long received = seen.values().stream().mapToLong(Set::size).sum();
    long deliveries = latencies.size();
    double[] ms = latencies.stream().mapToDouble(Double::doubleValue).toArray();
    return new Result(
        new Percentiles(ms), events, (long) events * clients - received, deliveries - received);
  }

  private static void read(
      HttpClient http, URI base, String key, int client, List<Double> latencies, Set<String> seen) {
    HttpRequest req =
        HttpRequest.newBuilder(base.resolve("/api/v1/events/live"))
            .header("Authorization", "Bearer " + key)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    try {
      HttpResponse<Stream<String>> r = http.send(req, HttpResponse.BodyHandlers.ofLines());
      r.body()
          .filter(line -> line.startsWith("data:"))
          .forEach(
              line -> {
                long now = System.currentTimeMillis();
                JsonNode e = JSON.readTree(line.substring(5).trim());
                String id = e.path("eventId").asString("");
                if (!id.startsWith(ID_PREFIX)) {
                  return;
                }
                Instant emitted = Instant.parse(e.path("emittedAt").asString());
                latencies.add((double) (now - emitted.toEpochMilli()));
                seen.add(id);
              });
    } catch (IOException e) {
      // The client is stopped at the end by interruption: its stream ends with an error.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An identified event in the identity topic's JSON, stamped now. */
  static String event(int i, String track, String personId) {
    String now = Instant.now().toString();
    String moment =
        "{\"sequence\":"
            + i
            + ",\"mediaTimeMs\":"
            + (i * 200.0)
            + ",\"capturedAt\":\""
            + now
            + "\"}";
    return "{\"schemaVersion\":1,\"eventId\":\""
        + eventId(i)
        + "\",\"type\":\"identified\",\"streamId\":\"bench-cam\",\"trackId\":\""
        + track
        + "\",\"person\":{\"id\":\""
        + personId
        + "\",\"name\":\"Bench Person\"},\"previousPerson\":null,\"clusterId\":null,"
        + "\"distance\":0.3,\"threshold\":0.4,\"falseAcceptRate\":0.001,\"fpir\":0.01,"
        + "\"gallerySize\":1,\"secondDistance\":null,\"firstSeen\":"
        + moment
        + ",\"lastSeen\":"
        + moment
        + ",\"framesUsed\":3,\"modelId\":\"dlib-r29-v1\",\"emittedAt\":\""
        + now
        + "\",\"labels\":{}}";
  }
}
