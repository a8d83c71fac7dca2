package io.facetrail.outbound.config;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.config.Validated;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Publishing identity events to an MQTT broker (topics in {@code outbound/README.md}).
 *
 * @param enabled whether to publish to MQTT at all
 * @param serverUri the broker: {@code tcp://host:1883}, or {@code ssl://host:8883} (the JVM trust
 *     store verifies the server)
 * @param clientId this client's id at the broker; two clients with the same id push each other off
 * @param username user name, empty for none
 * @param password password (never printed), empty for none
 * @param topicPrefix first level(s) of every topic, e.g. {@code facetrail} or {@code
 *     home/facetrail}
 * @param qos quality of service of the event messages: 0 (at most once), 1 (at least once) or 2
 * @param retain whether event messages are retained (the last_person and status topics always are)
 * @param keepAlive MQTT keep-alive interval: a dead connection is noticed within 1.5 times it
 * @param connectTimeout the longest one connection attempt may take
 * @param reconnect waits between connection attempts while the broker cannot be reached
 * @param queueCapacity events waiting to be published; when full, the service stops reading the
 *     identity topic until there is room (nothing is dropped)
 */
public record MqttSettings(
    boolean enabled,
    String serverUri,
    String clientId,
    String username,
    Secret password,
    String topicPrefix,
    int qos,
    boolean retain,
    Duration keepAlive,
    Duration connectTimeout,
    BackoffSettings reconnect,
    int queueCapacity)
    implements Validated {
  private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

  public MqttSettings {
    password = password == null ? Secret.of("") : password;
    username = username == null ? "" : username;
  }

  /** This configuration against another broker (tests, a composed process). */
  public MqttSettings withServerUri(String newServerUri) {
    return new MqttSettings(
        enabled,
        newServerUri,
        clientId,
        username,
        password,
        topicPrefix,
        qos,
        retain,
        keepAlive,
        connectTimeout,
        reconnect,
        queueCapacity);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    if (!enabled) {
      return;
    }
    String uriPath = ConfigProblems.path(path, "serverUri");
    problems.required(serverUri, uriPath);
    if (serverUri != null && !serverUri.isBlank()) {
      try {
        URI uri = new URI(serverUri);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        problems.require(
            SCHEMES.contains(scheme) && uri.getHost() != null,
            uriPath,
            "must be tcp://host:port, ssl://host:port, ws:// or wss://");
      } catch (URISyntaxException e) {
        problems.add(uriPath, "is not a URI: " + e.getMessage());
      }
    }
    String idPath = ConfigProblems.path(path, "clientId");
    problems.required(clientId, idPath);
    if (clientId != null) {
      problems.require(clientId.length() <= 65_535, idPath, "is longer than 65535 characters");
    }
    problems.require(
        password.isEmpty() || !username.isEmpty(),
        ConfigProblems.path(path, "username"),
        "is required with a password");
    String prefixPath = ConfigProblems.path(path, "topicPrefix");
    problems.required(topicPrefix, prefixPath);
    if (topicPrefix != null && !topicPrefix.isBlank()) {
      MqttTopicPrefix.problem(topicPrefix).ifPresent(p -> problems.add(prefixPath, p));
    }
    problems.range(qos, 0, 2, ConfigProblems.path(path, "qos"));
    problems.require(
        keepAlive != null && keepAlive.toSeconds() >= 1 && keepAlive.toSeconds() <= 65_535,
        ConfigProblems.path(path, "keepAlive"),
        "must be between 1s and 65535s");
    problems.require(
        connectTimeout != null && connectTimeout.toSeconds() >= 1,
        ConfigProblems.path(path, "connectTimeout"),
        "must be at least 1s");
    problems.section(reconnect, ConfigProblems.path(path, "reconnect"));
    problems.range(queueCapacity, 1, 1_000_000, ConfigProblems.path(path, "queueCapacity"));
  }
}
