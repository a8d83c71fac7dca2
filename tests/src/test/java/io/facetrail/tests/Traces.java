package io.facetrail.tests;

import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import redis.clients.jedis.RedisClient;

/**
 * Searches what a run left behind for traces of a person (names, ids, codes as bytes): every file
 * of a folder (its path and its bytes, JPEG comments and metadata included), every key of a Redis
 * key prefix, and every record of every topic of a broker's data folder (keys, values, header names
 * and values), read back through a broker started on that folder.
 */
final class Traces {
  private static final Duration READ_LIMIT = Duration.ofSeconds(120);

  /** One thing searched: where it is, and its bytes. */
  record Item(String where, byte[] bytes) {}

  private Traces() {}

  /** Every file below {@code root}: its path relative to {@code root}, and its content. */
  static List<Item> files(Path root) throws IOException {
    List<Item> items = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.toList()) {
        String name = root.relativize(p).toString();
        items.add(new Item("name of " + name, name.getBytes(StandardCharsets.UTF_8)));
        if (Files.isRegularFile(p)) {
          items.add(new Item(name, Files.readAllBytes(p)));
        }
      }
    }
    return items;
  }

  /**
   * Every record of every topic (internal ones included) kept in the broker data folder {@code
   * kafkaDir}, read from the start of each partition to its end, aborted transactions included.
   */
  static List<Item> topics(Path kafkaDir) throws Exception {
    List<Item> items = new ArrayList<>();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0, Map.of());
        Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
        KafkaConsumer<byte[], byte[]> consumer = consumer(broker.bootstrapServers())) {
      Set<String> names =
          admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
      List<TopicPartition> partitions = new ArrayList<>();
      for (TopicDescription d : admin.describeTopics(names).allTopicNames().get().values()) {
        d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + READ_LIMIT.toNanos();
      while (!allRead(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the topics could not be read to their end: " + end);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          String at = r.topic() + "/" + r.partition() + "@" + r.offset();
          add(items, at + " key", r.key());
          add(items, at + " value", r.value());
          for (Header h : r.headers()) {
            add(items, at + " header", h.key().getBytes(StandardCharsets.UTF_8));
            add(items, at + " header " + h.key(), h.value());
          }
        }
      }
      items.add(new Item("topic names", String.join("\n", names).getBytes(StandardCharsets.UTF_8)));
    }
    return items;
  }

  /**
   * Every key under {@code prefix} on the Redis at 127.0.0.1:6379: its name, and each value, hash
   * field, set member and stream entry.
   */
  static List<Item> redisKeys(String prefix) {
    List<Item> items = new ArrayList<>();
    try (RedisClient client = RedisClient.create("127.0.0.1", 6379)) {
      for (String key : client.keys(prefix + "*")) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        items.add(new Item("key name " + key, k));
        switch (client.type(key)) {
          case "string" -> items.add(new Item(key, client.get(k)));
          case "hash" ->
              client
                  .hgetAll(k)
                  .forEach(
                      (f, v) -> {
                        items.add(new Item(key + " field", f));
                        items.add(new Item(key + " value", v));
                      });
          case "set" -> client.smembers(k).forEach(m -> items.add(new Item(key + " member", m)));
          // The track archive's ids by archiving time (matcher.archive).
          case "zset" ->
              client.zrange(k, 0, -1).forEach(m -> items.add(new Item(key + " member", m)));
          case "stream" ->
              client
                  .xrange(key, "-", "+")
                  .forEach(
                      e ->
                          e.getFields()
                              .forEach(
                                  (f, v) ->
                                      items.add(
                                          new Item(
                                              key + " " + e.getID(),
                                              (f + "=" + v).getBytes(StandardCharsets.UTF_8)))));
          default -> throw new AssertionError("unexpected key type of " + key);
        }
      }
    }
    return items;
  }

  /** Where the items hold any of {@code traces}, each as {@code where: trace}. */
  static List<String> in(List<Item> items, List<byte[]> traces) {
    List<String> found = new ArrayList<>();
    for (Item item : items) {
      for (byte[] t : traces) {
        if (indexOf(item.bytes(), t) >= 0) {
          found.add(item.where() + ": " + printable(t));
        }
      }
    }
    return found;
  }

  private static boolean allRead(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (var e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EmbeddedKafkaBroker.MAX_MESSAGE_BYTES);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, EmbeddedKafkaBroker.MAX_MESSAGE_BYTES);
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static void add(List<Item> items, String where, byte[] bytes) {
    if (bytes != null) {
      items.add(new Item(where, bytes));
    }
  }

  /** A trace as text when it is text, else its length (codes are binary). */
  private static String printable(byte[] t) {
    String s = new String(t, StandardCharsets.UTF_8);
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? s : t.length + " binary bytes";
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
