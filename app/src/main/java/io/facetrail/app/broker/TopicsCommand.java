package io.facetrail.app.broker;

import io.facetrail.contracts.topic.Topic;
import io.facetrail.runtime.cli.ConfigOptions;
import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.DurationParser;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Creates FaceTrail's topics on a Kafka cluster (services also create missing ones at start). */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Create every FaceTrail topic that does not exist yet, set each topic's retention"
          + " (kafka.retention.*; also on topics that exist) and list them.",
      "Reads the kafka section of the configuration (bootstrapServers, topicPrefix, partitions,"
          + " replicationFactor, retention, TLS/SASL properties)."
    })
public final class TopicsCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  /** Configuration of this command: just the Kafka section. */
  public record TopicsConfig(KafkaSettings kafka) implements io.facetrail.runtime.config.Validated {
    @Override
    public void validate(io.facetrail.runtime.config.ConfigProblems problems, String path) {
      problems.section(kafka, "kafka");
    }
  }

  private static String describe(long retentionMs) {
    return retentionMs < 0 ? "unlimited" : DurationParser.format(Duration.ofMillis(retentionMs));
  }

  @Override
  public Integer call() {
    TopicsConfig c = config.load(new ConfigLoader<>(TopicsConfig.class, "topics-defaults.yaml"));
    KafkaSettings kafka = c.kafka();
    List<Topic<?, ?>> all = kafka.topics().all();
    List<String> created = TopicAdmin.ensureTopics(kafka, all);
    Map<String, Long> changed = TopicAdmin.applyRetention(kafka, all);
    for (Topic<?, ?> t : all) {
      String retention =
          kafka
              .retention()
              .of(kafka.topics(), t.name())
              .map(d -> "retention " + DurationParser.format(d))
              .orElse("broker's retention");
      Long before = changed.get(t.name());
      String line;
      if (created.contains(t.name())) {
        line = "created  " + t.name() + "  (" + retention + ")";
      } else if (before != null) {
        line = "updated  " + t.name() + "  (" + retention + ", was " + describe(before) + ")";
      } else {
        line = "exists   " + t.name() + "  (" + retention + ")";
      }
      System.out.println(line);
    }
    return 0;
  }
}
