package io.facetrail.matcher.gallery.redis;

import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.testing.TestCertificates;
import io.facetrail.runtime.testing.TlsRedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.RedisClient;

/**
 * A TLS-only redis-server with the ACL docs/DEPLOYMENT.md recommends: the default user off, the
 * user {@value #USER} limited to the keys under {@value #PREFIX} and to the commands the gallery
 * and the archive send (their Lua scripts included), and an {@code inspector} user the tests use to
 * look at what was stored. Passwords are random per run, so a test can search logs and messages for
 * them.
 */
public final class SecureRedis implements AutoCloseable {
  public static final String USER = "facetrail";
  public static final String PREFIX = "ft:gallery";

  /**
   * The commands FaceTrail's Redis user needs: the connection set-up Jedis sends, the gallery's
   * reads and scripts (and what the scripts call), the archive's reads and writes.
   */
  public static final List<String> COMMANDS =
      List.of(
          "+client|setname",
          "+eval",
          "+get",
          "+set",
          "+del",
          "+exists",
          "+incr",
          "+hset",
          "+hgetall",
          "+sadd",
          "+srem",
          "+smembers",
          "+zadd",
          "+zrem",
          "+zcard",
          "+zrange",
          "+zrangebyscore",
          "+xadd",
          "+xdel",
          "+xrange",
          "+xrevrange");

  private final TestCertificates certificates;
  private final TlsRedisServer server;
  private final Secret password = Secret.of("user-" + UUID.randomUUID());
  private final Secret inspectorPassword = Secret.of("inspector-" + UUID.randomUUID());

  private SecureRedis(
      Path dir,
      TestCertificates certificates,
      Path certificate,
      Path key,
      TlsRedisServer.ClientCertificates mode) {
    this.certificates = certificates;
    this.server =
        TlsRedisServer.start(
            dir.resolve("redis"), certificate, key, certificates.caPem(), mode, acl());
  }

  /** Certificates in {@code dir} and a server that does not ask clients for a certificate. */
  public static SecureRedis start(Path dir) {
    TestCertificates c = TestCertificates.generate(dir.resolve("tls"));
    return new SecureRedis(
        dir, c, c.serverPem(), c.serverKey(), TlsRedisServer.ClientCertificates.NOT_ASKED);
  }

  /** A server that requires a client certificate signed by the same CA. */
  public static SecureRedis requiringClientCertificates(Path dir) {
    TestCertificates c = TestCertificates.generate(dir.resolve("tls"));
    return new SecureRedis(
        dir, c, c.serverPem(), c.serverKey(), TlsRedisServer.ClientCertificates.REQUIRED);
  }

  /** A server whose certificate (from the trusted CA) names another host than 127.0.0.1. */
  public static SecureRedis showingAnotherHostsCertificate(Path dir) {
    TestCertificates c = TestCertificates.generate(dir.resolve("tls"));
    return new SecureRedis(
        dir, c, c.wrongHostPem(), c.wrongHostKey(), TlsRedisServer.ClientCertificates.NOT_ASKED);
  }

  private List<String> acl() {
    List<String> lines = new ArrayList<>();
    lines.add("user default off resetkeys -@all");
    lines.add(
        "user "
            + USER
            + " on >"
            + password.reveal()
            + " resetkeys ~"
            + PREFIX
            + "* resetchannels -@all "
            + String.join(" ", COMMANDS));
    lines.add("user inspector on >" + inspectorPassword.reveal() + " ~* &* +@all");
    return lines;
  }

  public TestCertificates certificates() {
    return certificates;
  }

  public TlsRedisServer server() {
    return server;
  }

  /** The user's password (the tests look for it where it must not be). */
  public Secret password() {
    return password;
  }

  /** Settings of FaceTrail's user, over TLS with the test CA, under {@code keyPrefix}. */
  public RedisSettings settings(String keyPrefix) {
    return RedisSettings.local("127.0.0.1", server.port(), keyPrefix)
        .withTls(certificates.caPem().toString(), "", Secret.of(""))
        .withCredentials(USER, password);
  }

  /** A key prefix of its own under {@link #PREFIX}. */
  public static String freshPrefix() {
    return PREFIX + ":" + UUID.randomUUID();
  }

  /** A client with every right, to look at what is stored. */
  public RedisClient inspector() {
    return RedisSettings.local("127.0.0.1", server.port(), "unused")
        .withTls(certificates.caPem().toString(), "", Secret.of(""))
        .withCredentials("inspector", inspectorPassword)
        .openClient("facetrail-test-inspector");
  }

  /** Every key under {@code prefix} with its contents (see {@link StoredKeys}). */
  public List<byte[]> everythingUnder(String prefix) {
    try (RedisClient client = inspector()) {
      return StoredKeys.everything(client, prefix);
    }
  }

  /** Keys under {@code prefix}, as strings. */
  public List<String> keysUnder(String prefix) {
    try (RedisClient client = inspector()) {
      return client.keys(prefix + "*").stream().sorted().toList();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
