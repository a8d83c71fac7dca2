package io.facetrail.runtime.kafka;

import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.config.Validated;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How a service reaches Kafka.
 *
 * @param bootstrapServers {@code host:port[,host:port...]}
 * @param topicPrefix prefix of every topic name (several deployments can share a cluster)
 * @param partitions partitions of topics FaceTrail creates itself
 * @param replicationFactor replication of topics FaceTrail creates itself
 * @param properties passed unchanged to every client: TLS ({@code security.protocol}, {@code
 *     ssl.*}) and SASL ({@code sasl.*}) settings go here
 * @param secrets like {@code properties}, for values that must never be printed ({@code
 *     sasl.jaas.config}, {@code ssl.keystore.password}, ...)
 * @param retention how long each topic FaceTrail creates keeps its records; null: {@link
 *     TopicRetention#defaults()}
 */
public record KafkaSettings(
    String bootstrapServers,
    String topicPrefix,
    int partitions,
    int replicationFactor,
    Map<String, String> properties,
    Map<String, Secret> secrets,
    TopicRetention retention)
    implements Validated {

  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}");
  private static final Set<String> PROTOCOLS =
      Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  private static final Pattern SENSITIVE =
      Pattern.compile(".*(password|jaas|secret|token|key\\b).*");

  public KafkaSettings {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    retention = retention == null ? TopicRetention.defaults() : retention;
  }

  /** Settings with the default retention ({@link TopicRetention#defaults()}). */
  public KafkaSettings(
      String bootstrapServers,
      String topicPrefix,
      int partitions,
      int replicationFactor,
      Map<String, String> properties,
      Map<String, Secret> secrets) {
    this(
        bootstrapServers,
        topicPrefix,
        partitions,
        replicationFactor,
        properties,
        secrets,
        TopicRetention.defaults());
  }

  /** Settings for a local broker (the all-in-one mode and tests). */
  public static KafkaSettings local(String bootstrapServers, String topicPrefix) {
    return new KafkaSettings(bootstrapServers, topicPrefix, 4, 1, Map.of(), Map.of());
  }

  /** The topics under this prefix. */
  public TopicRegistry topics() {
    return new TopicRegistry(topicPrefix);
  }

  /** The same settings against another bootstrap address (the in-process broker's). */
  public KafkaSettings withBootstrapServers(String servers) {
    return new KafkaSettings(
        servers, topicPrefix, partitions, replicationFactor, properties, secrets, retention);
  }

  /** Connection properties common to producers, consumers, admin clients and Streams. */
  public Map<String, Object> connectionProperties() {
    Map<String, Object> p = new HashMap<>(properties);
    secrets.forEach((k, v) -> p.put(k, v.reveal()));
    p.put("bootstrap.servers", bootstrapServers);
    return p;
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    String servers = ConfigProblems.path(path, "bootstrapServers");
    problems.required(bootstrapServers, servers);
    if (bootstrapServers != null && !bootstrapServers.isBlank()) {
      for (String server : bootstrapServers.split(",")) {
        problems.require(
            HOST_PORT.matcher(server.trim()).matches(),
            servers,
            "'" + server.trim() + "' is not host:port");
      }
    }
    problems.required(topicPrefix, ConfigProblems.path(path, "topicPrefix"));
    if (topicPrefix != null) {
      try {
        new TopicRegistry(topicPrefix);
      } catch (IllegalArgumentException e) {
        problems.add(ConfigProblems.path(path, "topicPrefix"), e.getMessage());
      }
    }
    problems.range(partitions, 1, 10_000, ConfigProblems.path(path, "partitions"));
    problems.range(replicationFactor, 1, 32, ConfigProblems.path(path, "replicationFactor"));
    problems.section(retention, ConfigProblems.path(path, "retention"));
    for (String key : properties.keySet()) {
      problems.require(
          !key.equals("bootstrap.servers"),
          ConfigProblems.path(path, "properties." + key),
          "set kafka.bootstrapServers instead");
      problems.require(
          !SENSITIVE.matcher(key.toLowerCase(Locale.ROOT)).matches(),
          ConfigProblems.path(path, "properties." + key),
          "looks secret: put it under kafka.secrets so that it is never printed");
    }
    Object protocol = connectionProperties().get("security.protocol");
    if (protocol != null) {
      String proto = protocol.toString().toUpperCase(Locale.ROOT);
      problems.require(
          PROTOCOLS.contains(proto),
          ConfigProblems.path(path, "properties.security.protocol"),
          "is '" + protocol + "', must be one of " + String.join(", ", new TreeSet<>(PROTOCOLS)));
      if (proto.startsWith("SASL")) {
        problems.require(
            properties.containsKey("sasl.mechanism"),
            ConfigProblems.path(path, "properties.sasl.mechanism"),
            "is required with " + proto);
        problems.require(
            secrets.containsKey("sasl.jaas.config"),
            ConfigProblems.path(path, "secrets.sasl.jaas.config"),
            "is required with " + proto);
      }
    }
  }

  @Override
  public String toString() {
    return "KafkaSettings[bootstrapServers="
        + bootstrapServers
        + ", topicPrefix="
        + topicPrefix
        + ", partitions="
        + partitions
        + ", replicationFactor="
        + replicationFactor
        + ", properties="
        + new TreeMap<>(properties)
        + ", secrets="
        + new TreeMap<>(secrets).keySet()
        + " (values redacted), retention="
        + retention
        + "]";
  }
}
