package io.facetrail.matcher.gallery.redis;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.config.Validated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * How to reach the Redis gallery.
 *
 * @param host server host
 * @param port server port
 * @param tls connect over TLS
 * @param caFile PEM file of the certificates that may sign the server's certificate (a private CA);
 *     empty: the JVM's trust store
 * @param verifyHostname whether the server's certificate must name {@code host} (turn off only for
 *     a server reached by an address its certificate does not list)
 * @param keyStore PKCS#12 file with this client's certificate and key, for servers that ask for one
 *     ({@code tls-auth-clients yes}, Redis's default); empty: none
 * @param keyStorePassword password of {@code keyStore}
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
    String caFile,
    boolean verifyHostname,
    String keyStore,
    Secret keyStorePassword,
    String user,
    Secret password,
    int database,
    String keyPrefix,
    Duration timeout,
    int feedLength)
    implements Validated {

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9:._-]{1,100}");

  public RedisSettings {
    caFile = caFile == null ? "" : caFile;
    keyStore = keyStore == null ? "" : keyStore;
    keyStorePassword = keyStorePassword == null ? Secret.of("") : keyStorePassword;
    user = user == null ? "" : user;
    password = password == null ? Secret.of("") : password;
  }

  /** A plain connection to a local server (tests, development). */
  public static RedisSettings local(String host, int port, String keyPrefix) {
    return new RedisSettings(
        host,
        port,
        false,
        "",
        true,
        "",
        Secret.of(""),
        "",
        Secret.of(""),
        0,
        keyPrefix,
        Duration.ofSeconds(2),
        100_000);
  }

  /**
   * These settings for another server, database and credentials (a {@code redis://} URL). The
   * certificate files are kept for a TLS server and dropped for a plain one, which has no use for
   * them.
   */
  public RedisSettings withServer(
      String newHost, int newPort, boolean newTls, String newUser, Secret newPassword, int db) {
    return new RedisSettings(
        newHost,
        newPort,
        newTls,
        newTls ? caFile : "",
        verifyHostname,
        newTls ? keyStore : "",
        newTls ? keyStorePassword : Secret.of(""),
        newUser,
        newPassword,
        db,
        keyPrefix,
        timeout,
        feedLength);
  }

  /** These settings under another key prefix (the archive beside a gallery). */
  public RedisSettings withKeyPrefix(String newPrefix) {
    return new RedisSettings(
        host,
        port,
        tls,
        caFile,
        verifyHostname,
        keyStore,
        keyStorePassword,
        user,
        password,
        database,
        newPrefix,
        timeout,
        feedLength);
  }

  /** These settings over TLS with the given CA file and client key store (tests, tools). */
  public RedisSettings withTls(String newCaFile, String newKeyStore, Secret newKeyStorePassword) {
    return new RedisSettings(
        host,
        port,
        true,
        newCaFile,
        verifyHostname,
        newKeyStore,
        newKeyStorePassword,
        user,
        password,
        database,
        keyPrefix,
        timeout,
        feedLength);
  }

  /** These settings with an ACL user and password. */
  public RedisSettings withCredentials(String newUser, Secret newPassword) {
    return withServer(host, port, tls, newUser, newPassword, database);
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
    readable(problems, caFile, ConfigProblems.path(path, "caFile"));
    readable(problems, keyStore, ConfigProblems.path(path, "keyStore"));
    // Certificates given for a plain connection would be silently unused.
    problems.require(
        tls || (caFile.isEmpty() && keyStore.isEmpty()),
        ConfigProblems.path(path, "tls"),
        "must be true when caFile or keyStore is set");
  }

  private static void readable(ConfigProblems problems, String file, String path) {
    problems.require(
        file.isEmpty() || Files.isReadable(Path.of(file)), path, "'" + file + "' is not readable");
  }

  /**
   * A client for these settings (lazy: the first command opens the connection), with TLS and AUTH
   * as configured. The certificate files are read now, so that a bad one fails here, once.
   *
   * @param clientName the name Redis shows for the connection ({@code CLIENT LIST})
   * @throws RedisTlsException when a certificate file cannot be used
   */
  // Jedis deprecates ssl/sslSocketFactory/sslParameters for SslOptions, which reads trust only
  // from key store files: a PEM CA file, what Redis deployments hand out, needs the context built
  // here.
  @SuppressWarnings("deprecation")
  public RedisClient openClient(String clientName) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(millis)
            .socketTimeoutMillis(millis)
            .database(database)
            .ssl(tls)
            .clientName(clientName);
    if (tls) {
      config.sslSocketFactory(RedisTls.socketFactory(this));
      config.sslParameters(RedisTls.parameters(this));
    }
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
    return (tls ? "rediss://" : "redis://")
        + (user.isEmpty() ? "" : user + "@")
        + host
        + ":"
        + port
        + "/"
        + database
        + " "
        + keyPrefix;
  }
}
