package io.facetrail.matcher.gallery.redis;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.config.Validated;
import java.time.Duration;
import java.util.regex.Pattern;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * How to reach the Redis gallery.
 *
 * @param host server host
 * @param port server port
 * @param tls connect over TLS (the JVM's trust store verifies the server)
 * @param user ACL user name; empty for the default user
 * @param password AUTH password; empty for none
 * @param database logical database number
 * @param keyPrefix prefix of every key, so several galleries (or tests) can share one server
 * @param timeout connect and socket timeout
 * @param feedLength approximate number of change-feed entries kept; readers further behind resync
 */
public record RedisSettings(
    String host,
    int port,
    boolean tls,
    String user,
    Secret password,
    int database,
    String keyPrefix,
    Duration timeout,
    int feedLength)
    implements Validated {

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9:._-]{1,100}");

  public RedisSettings {
    user = user == null ? "" : user;
    password = password == null ? Secret.of("") : password;
  }

  /** A plain connection to a local server (tests, development). */
  public static RedisSettings local(String host, int port, String keyPrefix) {
    return new RedisSettings(
        host, port, false, "", Secret.of(""), 0, keyPrefix, Duration.ofSeconds(2), 100_000);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.required(host, ConfigProblems.path(path, "host"));
    problems.range(port, 1, 65_535, ConfigProblems.path(path, "port"));
    problems.range(database, 0, 1_000, ConfigProblems.path(path, "database"));
    problems.require(
        keyPrefix != null && PREFIX.matcher(keyPrefix).matches(),
        ConfigProblems.path(path, "keyPrefix"),
        "must be 1 to 100 of A-Z a-z 0-9 : . _ -");
    problems.require(
        timeout != null && !timeout.isNegative() && !timeout.isZero(),
        ConfigProblems.path(path, "timeout"),
        "must be positive");
    problems.range(feedLength, 100, 100_000_000, ConfigProblems.path(path, "feedLength"));
    problems.require(
        user.isEmpty() || !password.isEmpty(),
        ConfigProblems.path(path, "password"),
        "is required when a user is given");
  }

  /**
   * A client for these settings (lazy: the first command opens the connection), with TLS and AUTH
   * as configured.
   *
   * @param clientName the name Redis shows for the connection ({@code CLIENT LIST})
   */
  public RedisClient openClient(String clientName) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(millis)
            .socketTimeoutMillis(millis)
            .database(database)
            .ssl(tls)
            .clientName(clientName);
    if (!user.isEmpty()) {
      config.user(user);
    }
    if (!password.isEmpty()) {
      config.password(password.reveal());
    }
    return RedisClient.builder().hostAndPort(host, port).clientConfig(config.build()).build();
  }

  /** Where, without secrets. */
  public String describe() {
    return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database + " " + keyPrefix;
  }
}
