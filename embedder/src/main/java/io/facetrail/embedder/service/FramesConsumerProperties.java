package io.facetrail.embedder.service;

import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.streams.StaticMembership;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The frames consumer of one embedder loop. A static member of its group, named by its client id
 * (group id, {@code consumer.instanceId}, loop number: unique and stable per process already, since
 * it also names the loop's transactional producer), with a 10 s session: a restarted embedder then
 * takes its partitions back at once. As a dynamic member with Kafka's 45 s default session, a
 * SIGKILLed embedder's successor waited for the dead member's session to expire: {@code bench
 * faults} measured 45.5 s from the kill to frames being processed again while the new process
 * already answered ready after 9.3 s. A {@code group.instance.id} or {@code session.timeout.ms} in
 * the user's Kafka properties wins.
 */
final class FramesConsumerProperties {
  private FramesConsumerProperties() {}

  static Map<String, Object> of(EmbedderConfig config, String clientId) {
    EmbedderConfig.Consumer c = config.consumer();
    Map<String, Object> cp = KafkaClients.consumer(config.kafka(), c.groupId(), clientId);
    cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batching().maxFrames());
    cp.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) c.maxPollInterval().toMillis());
    cp.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, clientId);
    if (!cp.containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)) {
      cp.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, StaticMembership.SESSION_TIMEOUT_MS);
      cp.putIfAbsent(
          ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, StaticMembership.HEARTBEAT_INTERVAL_MS);
    }
    return cp;
  }
}
