package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.matcher.archive.ArchiveSettings;
import io.facetrail.matcher.archive.ArchiveTarget;
import io.facetrail.matcher.archive.RedisTrackArchive;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.SecureRedis;
import io.facetrail.runtime.config.InvalidConfigurationException;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.runtime.testing.SaslSslKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher's configuration exactly as docs/DEPLOYMENT.md ("Encrypted and authenticated
 * connections") writes it, secrets from {@code FACETRAIL_*} variables, against a TLS-only Redis
 * with an ACL user and a SASL_SSL Kafka with ACLs: the configuration loads, prints without a
 * secret, creates the topics, reaches the gallery and the archive beside it.
 */
class SecureConnectionsIT {
  /** The YAML of the documentation, with the test's hosts, ports and files put in. */
  private static final String DOCUMENTED =
      """
      kafka:
        bootstrapServers: "kafka-0.kafka:9093"
        topicPrefix: "sec."
        properties:
          security.protocol: SASL_SSL
          sasl.mechanism: SCRAM-SHA-512
          ssl.truststore.type: PEM
          ssl.truststore.location: /etc/facetrail/tls/kafka-ca.pem
      applicationId: "sec-matcher"
      gallery:
        redis:
          host: redis.internal
          port: 6380
          tls: true
          caFile: /etc/facetrail/tls/redis-ca.pem
          user: facetrail
          keyPrefix: "ft:gallery"
      """;

  @TempDir static Path dir;
  private static SecureRedis redis;
  private static SaslSslKafka kafka;
  private static String kafkaPassword;

  @BeforeAll
  static void startServers() {
    redis = SecureRedis.start(dir.resolve("redis"));
    kafka = SaslSslKafka.start(redis.certificates());
    kafkaPassword = kafka.addUser("facetrail");
    kafka.allowFaceTrail("facetrail", "sec");
  }

  @AfterAll
  static void stopServers() {
    if (kafka != null) {
      kafka.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static Path configFile() throws Exception {
    String ca = redis.certificates().caPem().toString();
    String yaml =
        DOCUMENTED
            .replace("kafka-0.kafka:9093", kafka.saslSslBootstrap())
            .replace("/etc/facetrail/tls/kafka-ca.pem", ca)
            .replace("redis.internal", "127.0.0.1")
            .replace("6380", Integer.toString(redis.server().port()))
            .replace("/etc/facetrail/tls/redis-ca.pem", ca);
    return Files.writeString(dir.resolve("matcher.yaml"), yaml);
  }

  private static Map<String, String> env() {
    return Map.of(
        "FACETRAIL_GALLERY_REDIS_PASSWORD",
        redis.password().reveal(),
        "FACETRAIL_KAFKA_SECRETS_SASL_JAAS_CONFIG",
        SaslSslKafka.jaasConfig("facetrail", kafkaPassword));
  }

  @Test
  void theDocumentedSettingsReachRedisAndKafka() throws Exception {
    Path file = configFile();
    MatcherConfig config = MatcherConfig.loader().load(file, env(), Map.of());

    String printed = MatcherConfig.loader().effectiveYaml(file, env(), Map.of());
    assertThat(printed)
        .doesNotContain(redis.password().reveal())
        .doesNotContain(kafkaPassword)
        .contains("sasl.jaas.config: \"******\"");
    assertThat(config.toString())
        .doesNotContain(redis.password().reveal())
        .doesNotContain(kafkaPassword);

    assertThat(TopicAdmin.ensureTopics(config.kafka(), config.kafka().topics().all()))
        .contains("sec.identity.v1");

    try (RedisGallery gallery = RedisGallery.connect(config.gallery().redis(), Clock.systemUTC())) {
      Person p = gallery.createPerson("Ada", Map.of());
      assertThat(gallery.persons()).extracting(Person::id).containsExactly(p.id());
      assertThat(gallery.erase(p.id())).isTrue();
    }
    // The archive's default place is beside the gallery, with the gallery's TLS and user.
    ArchiveSettings archive = ArchiveTarget.resolve(config.archive(), config.gallery());
    assertThat(archive.redis().keyPrefix()).isEqualTo("ft:gallery" + ArchiveTarget.SUFFIX);
    try (RedisTrackArchive a = RedisTrackArchive.connect(archive.redis())) {
      assertThat(a.count()).isZero();
    }
    try (RedisGallery gallery = RedisGallery.connect(config.gallery().redis(), Clock.systemUTC())) {
      gallery.deleteAll();
    }
    assertThat(redis.keysUnder(SecureRedis.PREFIX)).isEmpty();
  }

  @Test
  void certificateFilesThatCannotBeReadOrGoUnusedAreConfigurationErrors() throws Exception {
    Path file = configFile();
    assertThatThrownBy(
            () ->
                MatcherConfig.loader()
                    .load(
                        file,
                        env(),
                        Map.of(
                            "gallery.redis.caFile", dir.resolve("missing.pem").toString(),
                            "gallery.redis.keyStore", dir.resolve("missing.p12").toString())))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("gallery.redis.caFile")
        .hasMessageContaining("gallery.redis.keyStore")
        .hasMessageContaining("is not readable");
    assertThatThrownBy(
            () -> MatcherConfig.loader().load(file, env(), Map.of("gallery.redis.tls", "false")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("gallery.redis.tls")
        .hasMessageContaining("must be true when caFile or keyStore is set");
  }
}
