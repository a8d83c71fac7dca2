package io.facetrail.embedder.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.embedder.config.EmbedderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FramesConsumerPropertiesTest {
  @TempDir Path dir;

  private static EmbedderConfig config(Path file, Map<String, String> extra) {
    Map<String, String> o = new HashMap<>();
    o.put("kafka.bootstrapServers", "127.0.0.1:19092");
    o.put("consumer.instanceId", "pod-7");
    o.putAll(extra);
    return EmbedderConfig.loader().load(file, Map.of(), o);
  }

  private static EmbedderConfig config(Map<String, String> extra) {
    return config(null, extra);
  }

  @Test
  void aLoopIsAStaticMemberNamedByItsClientIdWithATenSecondSession() {
    Map<String, Object> p =
        FramesConsumerProperties.of(config(Map.of()), "facetrail-embedder-pod-7-0");

    assertThat(p)
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "facetrail-embedder")
        .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "facetrail-embedder-pod-7-0")
        .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
        .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000)
        .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }

  @Test
  void theUsersKafkaPropertiesWin() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("embedder.yaml"),
            "kafka:\n"
                + "  properties:\n"
                + "    group.instance.id: mine\n"
                + "    session.timeout.ms: \"30000\"\n");

    Map<String, Object> p =
        FramesConsumerProperties.of(config(file, Map.of()), "facetrail-embedder-pod-7-0");

    assertThat(p)
        .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "mine")
        .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000")
        .doesNotContainKey(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
  }

  @Test
  void theBatchSizeAndPollIntervalComeFromTheConfiguration() {
    Map<String, Object> p =
        FramesConsumerProperties.of(
            config(Map.of("batching.maxFrames", "8", "consumer.maxPollInterval", "2m")), "c-0");

    assertThat(p)
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 8)
        .containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 120_000);
  }
}
