package io.facetrail.app.broker;

import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs FaceTrail's single-node Kafka broker on its own, so that separately started services
 * (ingest, embedder, tracker, matcher) can be tried on one machine without a Kafka installation.
 */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Run a single-node Kafka broker (KRaft) in this process and create FaceTrail's topics.",
      "For trying the services separately on one machine; production uses a real cluster.",
      "Stops on Ctrl-C."
    })
public final class BrokerCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "9092",
      description = "Client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data-dir",
      defaultValue = "${sys:user.home}/.local/share/facetrail/kafka",
      description =
          "Where the broker keeps its log; reused across runs (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--topic-prefix",
      defaultValue = TopicRegistry.DEFAULT_PREFIX,
      description = "Prefix of the topics to create (default: ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Option(
      names = "--partitions",
      defaultValue = "4",
      description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, port, Map.of());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "broker-shutdown"));
    KafkaSettings settings =
        new KafkaSettings(
            broker.bootstrapServers(), topicPrefix, partitions, 1, Map.of(), Map.of());
    TopicAdmin.ensureTopics(settings, settings.topics().all());
    System.out.println("Kafka broker ready: bootstrap servers " + broker.bootstrapServers());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
