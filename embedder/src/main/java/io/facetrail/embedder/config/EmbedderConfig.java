package io.facetrail.embedder.config;

import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.runtime.http.HttpSettings;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Duration;

/**
 * Configuration of the embedder service. Every setting and its default is listed, with comments, in
 * {@code embedder-defaults.yaml}.
 */
public record EmbedderConfig(
    KafkaSettings kafka,
    HttpSettings http,
    Consumer consumer,
    Batching batching,
    Worker worker,
    Output output,
    FacePipelineSettings faces)
    implements Validated {

  /** The loader of this configuration (defaults from the class path). */
  public static ConfigLoader<EmbedderConfig> loader() {
    return new ConfigLoader<>(EmbedderConfig.class, "embedder-defaults.yaml");
  }

  /** This configuration against another Kafka cluster (the all-in-one run's in-process broker). */
  public EmbedderConfig withKafka(KafkaSettings newKafka) {
    return new EmbedderConfig(newKafka, http, consumer, batching, worker, output, faces);
  }

  /** This configuration with another endpoint (none, in a process hosting several stages). */
  public EmbedderConfig withHttp(HttpSettings newHttp) {
    return new EmbedderConfig(kafka, newHttp, consumer, batching, worker, output, faces);
  }

  /** This configuration with other consumer settings. */
  public EmbedderConfig withConsumer(Consumer newConsumer) {
    return new EmbedderConfig(kafka, http, newConsumer, batching, worker, output, faces);
  }

  /** This configuration with other batching settings. */
  public EmbedderConfig withBatching(Batching newBatching) {
    return new EmbedderConfig(kafka, http, consumer, newBatching, worker, output, faces);
  }

  /** This configuration with other face-model settings. */
  public EmbedderConfig withFaces(FacePipelineSettings newFaces) {
    return new EmbedderConfig(kafka, http, consumer, batching, worker, output, newFaces);
  }

  /**
   * @param groupId consumer group of all embedder instances
   * @param instanceId unique and stable per process (pod name); names its transactional producers
   *     so a restarted instance aborts what its predecessor left open. Empty: the host name.
   * @param loops consume-transform-produce loops per process (each with its own consumer and
   *     producer), all feeding the one model worker
   * @param maxPollInterval longest a batch may take before the group evicts the consumer
   * @param transactionTimeout how long a transaction of a crashed instance blocks read_committed
   *     readers before the broker aborts it (when no restarted instance aborts it first)
   */
  public record Consumer(
      String groupId,
      String instanceId,
      int loops,
      Duration maxPollInterval,
      Duration transactionTimeout)
      implements Validated {
    /** These settings under another consumer group and instance id. */
    public Consumer withIdentity(String newGroupId, String newInstanceId) {
      return new Consumer(newGroupId, newInstanceId, loops, maxPollInterval, transactionTimeout);
    }

    @Override
    public void validate(ConfigProblems problems, String path) {
      problems.required(groupId, ConfigProblems.path(path, "groupId"));
      problems.range(loops, 1, 64, ConfigProblems.path(path, "loops"));
      problems.require(
          maxPollInterval != null && maxPollInterval.toSeconds() >= 10,
          ConfigProblems.path(path, "maxPollInterval"),
          "must be at least 10s");
      problems.require(
          transactionTimeout != null && transactionTimeout.toSeconds() >= 1,
          ConfigProblems.path(path, "transactionTimeout"),
          "must be at least 1s");
    }
  }

  /**
   * @param maxFrames frames per model batch at most (across partitions and streams)
   * @param maxWait how long the first frame of a batch waits for others
   */
  public record Batching(int maxFrames, Duration maxWait) implements Validated {
    /** These settings with batches of at most {@code frames} frames. */
    public Batching withMaxFrames(int frames) {
      return new Batching(frames, maxWait);
    }

    @Override
    public void validate(ConfigProblems problems, String path) {
      problems.range(maxFrames, 1, 1024, ConfigProblems.path(path, "maxFrames"));
      problems.require(
          maxWait != null && !maxWait.isNegative() && maxWait.toMillis() <= 10_000,
          ConfigProblems.path(path, "maxWait"),
          "must lie in 0..10s");
    }
  }

  /**
   * @param queueCapacity batches that may wait in front of the model worker
   * @param attempts tries per batch before the worker fails for good
   * @param retryBackoff pause before the first retry, doubled each time
   * @param warmUpTimeout how long warm-up may take before the service reports a failure
   */
  public record Worker(
      int queueCapacity, int attempts, Duration retryBackoff, Duration warmUpTimeout)
      implements Validated {
    @Override
    public void validate(ConfigProblems problems, String path) {
      problems.range(queueCapacity, 1, 64, ConfigProblems.path(path, "queueCapacity"));
      problems.range(attempts, 1, 10, ConfigProblems.path(path, "attempts"));
      problems.required(retryBackoff, ConfigProblems.path(path, "retryBackoff"));
      problems.required(warmUpTimeout, ConfigProblems.path(path, "warmUpTimeout"));
    }
  }

  /**
   * @param thumbnails whether each face carries a small JPEG of itself
   * @param thumbnailSize longer side of a thumbnail, pixels
   * @param floatEmbeddings whether each face also carries its float embedding (512 bytes more)
   */
  public record Output(boolean thumbnails, int thumbnailSize, boolean floatEmbeddings)
      implements Validated {
    @Override
    public void validate(ConfigProblems problems, String path) {
      problems.range(thumbnailSize, 16, 512, ConfigProblems.path(path, "thumbnailSize"));
    }
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.section(kafka, ConfigProblems.path(path, "kafka"));
    problems.section(http, ConfigProblems.path(path, "http"));
    problems.section(consumer, ConfigProblems.path(path, "consumer"));
    problems.section(batching, ConfigProblems.path(path, "batching"));
    problems.section(worker, ConfigProblems.path(path, "worker"));
    problems.section(output, ConfigProblems.path(path, "output"));
    problems.section(faces, ConfigProblems.path(path, "faces"));
  }
}
