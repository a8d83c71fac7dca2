package io.facetrail.app.broker;

import io.facetrail.contracts.topic.Topic;
import io.facetrail.runtime.cli.ConfigOptions;
import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Creates FaceTrail's topics on a Kafka cluster (services also create missing ones at start). */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Create every FaceTrail topic that does not exist yet and list them.",
      "Reads the kafka section of the configuration (bootstrapServers, topicPrefix, partitions,"
          + " replicationFactor, TLS/SASL properties)."
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

  @Override
  public Integer call() {
    TopicsConfig c = config.load(new ConfigLoader<>(TopicsConfig.class, "topics-defaults.yaml"));
    List<Topic<?, ?>> all = c.kafka().topics().all();
    List<String> created = TopicAdmin.ensureTopics(c.kafka(), all);
    for (Topic<?, ?> t : all) {
      System.out.println((created.contains(t.name()) ? "created  " : "exists   ") + t.name());
    }
    return 0;
  }
}
