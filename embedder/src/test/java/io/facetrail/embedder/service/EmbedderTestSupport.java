package io.facetrail.embedder.service;

import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.EndOfStream;
import io.facetrail.contracts.proto.EndReason;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.Frame;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.proto.ImageEncoding;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Frames of real faces (LFW), configuration and topic helpers for the embedder's tests. */
final class EmbedderTestSupport {
  private EmbedderTestSupport() {}

  /** The first image of each of the first {@code count} LFW people with at least one image. */
  static List<byte[]> lfwImages(Path lfw, int count) {
    try (Stream<Path> people = Files.list(lfw.resolve("lfw-deepfunneled"))) {
      List<Path> dirs = people.sorted().limit(count).toList();
      List<byte[]> images = new ArrayList<>();
      for (Path d : dirs) {
        try (Stream<Path> files = Files.list(d)) {
          images.add(Files.readAllBytes(files.sorted().findFirst().orElseThrow()));
        }
      }
      return images;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FrameRecord frame(String stream, long sequence, byte[] jpeg) {
    return FrameRecord.newBuilder()
        .setFrame(
            Frame.newBuilder()
                .setStreamId(stream)
                .setSequence(sequence)
                .setMediaTimeUs(sequence * 200_000)
                .setCaptureTimeMs(System.currentTimeMillis())
                .setWidth(250)
                .setHeight(250)
                .setEncoding(ImageEncoding.JPEG)
                .setImage(ByteString.copyFrom(jpeg)))
        .build();
  }

  static FrameRecord end(String stream, long lastSequence) {
    return FrameRecord.newBuilder()
        .setEndOfStream(
            EndOfStream.newBuilder()
                .setStreamId(stream)
                .setLastSequence(lastSequence)
                .setFramesPublished(lastSequence + 1)
                .setReason(EndReason.COMPLETED)
                .setEndTimeMs(System.currentTimeMillis()))
        .build();
  }

  /** Test configuration: the given broker and prefix, no HTTP, CPU, small batches. */
  static EmbedderConfig config(KafkaSettings kafka, String instanceId, Map<String, String> extra) {
    Map<String, String> o = new HashMap<>();
    o.put("kafka.bootstrapServers", kafka.bootstrapServers());
    o.put("kafka.topicPrefix", kafka.topicPrefix());
    o.put("http.enabled", "false");
    o.put("consumer.instanceId", instanceId);
    o.put("consumer.transactionTimeout", "10s");
    o.put("batching.maxFrames", "4");
    o.put("faces.device", "cpu");
    o.put("faces.threads", "1");
    o.putAll(extra);
    return EmbedderConfig.loader().load(null, Map.of(), o);
  }

  static void send(KafkaSettings kafka, TopicRegistry topics, List<FrameRecord> records) {
    try (KafkaProducer<String, FrameRecord> producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka, "test-frames"),
            new StringSerializer(),
            topics.frames().valueSerde().serializer())) {
      for (FrameRecord r : records) {
        String key = r.hasFrame() ? r.getFrame().getStreamId() : r.getEndOfStream().getStreamId();
        producer.send(new ProducerRecord<>(topics.frames().name(), key, r));
      }
      producer.flush();
    }
  }

  static void sendRaw(KafkaSettings kafka, String topic, String key, byte[] value) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka, "test-raw"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key.getBytes(), value));
      producer.flush();
    }
  }

  /** Reads a topic (committed records only) until {@code done} holds for what was read. */
  static List<ConsumerRecord<byte[], byte[]>> readUntil(
      KafkaSettings kafka,
      String topic,
      Duration timeout,
      Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
    Map<String, Object> c =
        KafkaClients.consumer(kafka, "test-reader-" + System.nanoTime(), "test-reader");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(10))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(300)).forEach(out::add);
                return done.test(out);
              });
    }
    return out;
  }

  /** Reads everything currently committed on a topic (waits {@code settle} for stragglers). */
  static List<ConsumerRecord<byte[], byte[]>> readAll(
      KafkaSettings kafka, String topic, Duration settle) {
    long[] lastGrowth = {System.nanoTime()};
    int[] lastSize = {0};
    return readUntil(
        kafka,
        topic,
        settle.multipliedBy(20),
        got -> {
          if (got.size() != lastSize[0]) {
            lastSize[0] = got.size();
            lastGrowth[0] = System.nanoTime();
          }
          return System.nanoTime() - lastGrowth[0] > settle.toNanos();
        });
  }

  static FacesRecord faces(TopicRegistry topics, ConsumerRecord<byte[], byte[]> r) {
    return topics.faces().valueSerde().deserializer().deserialize(r.topic(), r.value());
  }
}
