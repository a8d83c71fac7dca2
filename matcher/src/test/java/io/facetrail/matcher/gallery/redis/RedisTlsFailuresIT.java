package io.facetrail.matcher.gallery.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.RedisTrackArchive;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.testing.RecordedLogs;
import io.facetrail.runtime.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisAccessControlException;

/**
 * Each way a secured Redis connection can be misconfigured fails at the first command, within the
 * timeout, with a message naming the cause and the setting to change, for the gallery and for the
 * archive alike; no message, cause or log line holds a password.
 */
class RedisTlsFailuresIT {
  /** Well within the settings' 2 s timeout plus a TLS handshake on a busy machine. */
  private static final Duration FAST = Duration.ofSeconds(5);

  @TempDir static Path dir;
  private static SecureRedis redis;
  private static SecureRedis mutualTls;
  private static SecureRedis otherHost;
  private static RecordedLogs logs;
  private static final List<String> secrets = new ArrayList<>();

  @BeforeAll
  static void startServers() {
    logs = new RecordedLogs(Level.DEBUG, "redis.clients");
    redis = SecureRedis.start(dir.resolve("plain-auth"));
    mutualTls = SecureRedis.requiringClientCertificates(dir.resolve("mutual"));
    otherHost = SecureRedis.showingAnotherHostsCertificate(dir.resolve("other-host"));
    for (SecureRedis r : List.of(redis, mutualTls, otherHost)) {
      secrets.add(r.password().reveal());
    }
    secrets.add(TestCertificates.STORE_PASSWORD);
  }

  @AfterAll
  static void stopServers() {
    logs.close();
    for (SecureRedis r : new SecureRedis[] {redis, mutualTls, otherHost}) {
      if (r != null) {
        r.close();
      }
    }
    assertThat(logs.count()).as("log lines recorded").isPositive();
    for (String secret : secrets) {
      assertThat(logs.text()).doesNotContain(secret);
    }
  }

  /** The message of the gallery's and of the archive's first command with these settings. */
  private static List<String> failures(RedisSettings settings) {
    List<String> out = new ArrayList<>();
    long started = System.nanoTime();
    try (RedisGallery gallery = RedisGallery.connect(settings, Clock.systemUTC())) {
      Throwable t = catchFailure(gallery::persons);
      assertThat(t).isInstanceOf(GalleryUnavailableException.class);
      out.add(checked(t));
    }
    try (RedisTrackArchive archive = RedisTrackArchive.connect(settings)) {
      Throwable t = catchFailure(archive::count);
      assertThat(t).isInstanceOf(ArchiveUnavailableException.class);
      out.add(checked(t));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("both failures within")
        .isLessThan(FAST.multipliedBy(2));
    return out;
  }

  private static Throwable catchFailure(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  /** The message, after checking that no message of the whole cause chain holds a secret. */
  private static String checked(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      for (String secret : secrets) {
        assertThat(String.valueOf(c.getMessage())).doesNotContain(secret);
      }
    }
    return t.getMessage();
  }

  @Test
  void aWrongPasswordIsRefusedNamingTheUserButNotThePassword() {
    String wrong = "wrong-" + UUID.randomUUID();
    secrets.add(wrong);
    RedisSettings settings =
        redis
            .settings(SecureRedis.freshPrefix())
            .withCredentials(SecureRedis.USER, Secret.of(wrong));
    assertThat(failures(settings))
        .allSatisfy(
            m ->
                assertThat(m)
                    .contains("refused access to user 'facetrail'")
                    .contains("wrong user or password")
                    .contains("WRONGPASS"));
  }

  @Test
  void aCertificateFromAnUntrustedCaIsRefusedNamingCaFile() {
    RedisSettings other =
        redis
            .settings(SecureRedis.freshPrefix())
            .withTls(redis.certificates().otherCaPem().toString(), "", Secret.of(""));
    assertThat(failures(other))
        .allSatisfy(
            m ->
                assertThat(m)
                    .contains("TLS failed: the server's certificate is not signed by a CA")
                    .contains("caFile " + redis.certificates().otherCaPem()));
    RedisSettings jvmDefaults =
        redis.settings(SecureRedis.freshPrefix()).withTls("", "", Secret.of(""));
    assertThat(failures(jvmDefaults))
        .allSatisfy(
            m ->
                assertThat(m)
                    .contains("the JVM's trust store; set caFile to the PEM of the server's CA"));
  }

  @Test
  void aCertificateForAnotherHostIsRefusedUnlessHostnameVerificationIsOff() {
    RedisSettings settings = otherHost.settings(SecureRedis.freshPrefix());
    assertThat(failures(settings))
        .allSatisfy(
            m ->
                assertThat(m)
                    .contains("the server's certificate does not name 127.0.0.1")
                    .contains("verifyHostname: false"));
    RedisSettings unverified =
        new RedisSettings(
            settings.host(),
            settings.port(),
            true,
            settings.caFile(),
            false,
            "",
            Secret.of(""),
            settings.user(),
            settings.password(),
            0,
            settings.keyPrefix(),
            settings.timeout(),
            settings.feedLength());
    try (RedisGallery gallery = RedisGallery.connect(unverified, Clock.systemUTC())) {
      assertThat(gallery.persons()).isEmpty();
    }
  }

  @Test
  void aPlainConnectionToTheTlsPortIsRefusedSuggestingTls() {
    RedisSettings plain =
        redis
            .settings(SecureRedis.freshPrefix())
            .withServer(
                "127.0.0.1", redis.server().port(), false, SecureRedis.USER, redis.password(), 0);
    assertThat(failures(plain))
        .allSatisfy(
            m ->
                assertThat(m)
                    .contains("closed the connection without answering")
                    .contains("set tls: true"));
  }

  @Test
  void aServerAskingForAClientCertificateGetsTheConfiguredOne() {
    RedisSettings without = mutualTls.settings(SecureRedis.freshPrefix());
    assertThat(failures(without))
        .allSatisfy(
            m ->
                assertThat(m)
                    .containsPattern("(the server|it) requires? a client certificate")
                    .contains("and none is configured (set keyStore)"));
    RedisSettings with =
        without.withTls(
            without.caFile(),
            mutualTls.certificates().clientP12().toString(),
            Secret.of(TestCertificates.STORE_PASSWORD));
    try (RedisGallery gallery = RedisGallery.connect(with, Clock.systemUTC())) {
      assertThat(gallery.persons()).isEmpty();
    }
    try (RedisTrackArchive archive = RedisTrackArchive.connect(with)) {
      assertThat(archive.count()).isZero();
    }
  }

  @Test
  void aKeyStoreWithAWrongPasswordFailsAtConnectWithoutThePassword() {
    String wrong = "wrong-store-" + UUID.randomUUID();
    secrets.add(wrong);
    RedisSettings settings =
        mutualTls
            .settings(SecureRedis.freshPrefix())
            .withTls(
                mutualTls.certificates().caPem().toString(),
                mutualTls.certificates().clientP12().toString(),
                Secret.of(wrong));
    assertThatThrownBy(() -> RedisGallery.connect(settings, Clock.systemUTC()))
        .isInstanceOf(RedisTlsException.class)
        .hasMessageContaining("cannot read the Redis client key store")
        .hasMessageContaining("password")
        .satisfies(RedisTlsFailuresIT::checked);
  }

  @Test
  void theAclUserReachesOnlyItsKeysAndCommands() {
    try (RedisClient client = redis.settings("unused").openClient("facetrail-test")) {
      assertThat(client.get(SecureRedis.PREFIX + ":mine")).isNull();
      assertThatThrownBy(() -> client.set("someone-else:key", "x"))
          .isInstanceOf(JedisAccessControlException.class)
          .hasMessageContaining("NOPERM");
      assertThatThrownBy(client::flushAll)
          .isInstanceOf(JedisAccessControlException.class)
          .hasMessageContaining("NOPERM");
      assertThatThrownBy(() -> client.configGet("requirepass"))
          .isInstanceOf(JedisAccessControlException.class)
          .hasMessageContaining("NOPERM");
    }
  }
}
