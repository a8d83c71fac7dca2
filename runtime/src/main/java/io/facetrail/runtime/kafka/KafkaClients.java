package io.facetrail.runtime.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Client properties that carry the pipeline's guarantees. Services start from these and add only
 * what is specific to them (serdes, group ids).
 */
public final class KafkaClients {
  private KafkaClients() {}

  /**
   * An idempotent producer with {@code acks=all}, sized for frame payloads.
   *
   * @param clientId names the producer in broker logs and metrics
   */
  public static Map<String, Object> producer(KafkaSettings settings, String clientId) {
    Map<String, Object> p = new HashMap<>(settings.connectionProperties());
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EmbeddedKafkaBroker.MAX_MESSAGE_BYTES);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
    // One request in flight per broker. With several, a request that reaches a partition before
    // the broker has applied its creation fails (NOT_LEADER_OR_FOLLOWER) while the next one is
    // appended; every retry of the first then fails with OUT_OF_ORDER_SEQUENCE_NUMBER and, with an
    // unbounded delivery timeout, the producer spins forever and its records are lost or
    // reordered (KAFKA-14359 / KAFKA-15591; the broker-side fix, apache/kafka#23234, is newer than
    // the 4.4.0 broker and client used here). Seen here on topics the
    // benchmarks and the all-in-one run create just before producing.
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return p;
  }

  /** A transactional producer (consume-transform-produce with offsets in the transaction). */
  public static Map<String, Object> transactionalProducer(
      KafkaSettings settings, String clientId, String transactionalId) {
    Map<String, Object> p = producer(settings, clientId);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    return p;
  }

  /** A consumer that reads only committed records and commits offsets explicitly. */
  public static Map<String, Object> consumer(
      KafkaSettings settings, String groupId, String clientId) {
    Map<String, Object> p = new HashMap<>(settings.connectionProperties());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EmbeddedKafkaBroker.MAX_MESSAGE_BYTES);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * EmbeddedKafkaBroker.MAX_MESSAGE_BYTES);
    return p;
  }

  public static Map<String, Object> admin(KafkaSettings settings, String clientId) {
    Map<String, Object> p = new HashMap<>(settings.connectionProperties());
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    // Administrative calls happen at start-up: fail within seconds with a clear message rather
    // than retrying for minutes.
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    return p;
  }

  /**
   * A Kafka Streams application with exactly-once v2.
   *
   * @param applicationId the Streams application id (consumer group and state prefix)
   * @param stateDir where the local state stores live
   */
  public static Map<String, Object> streams(
      KafkaSettings settings, String applicationId, String stateDir) {
    Map<String, Object> p = new HashMap<>(settings.connectionProperties());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replicationFactor());
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    p.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        EmbeddedKafkaBroker.MAX_MESSAGE_BYTES);
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
        EmbeddedKafkaBroker.MAX_MESSAGE_BYTES);
    return p;
  }
}
