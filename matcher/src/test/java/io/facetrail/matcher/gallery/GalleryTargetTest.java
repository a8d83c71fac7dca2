package io.facetrail.matcher.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.config.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GalleryTargetTest {
  private static final GallerySettings BASE =
      new GallerySettings(
          GallerySettings.Store.REDIS,
          RedisSettings.local("127.0.0.1", 6379, "base:prefix"),
          "configured-dir",
          Duration.ofMillis(250),
          Duration.ofSeconds(3),
          SearchMode.AUTO,
          50_000,
          10_000,
          List.of(Path.of("/models/v2")));

  @Test
  void aFolderBecomesTheLocalStoreAndKeepsTheOtherSettings() {
    GallerySettings s = GalleryTarget.parse("relative/gallery").applyTo(BASE);
    assertThat(s.store()).isEqualTo(GallerySettings.Store.LOCAL);
    assertThat(s.localDir()).isEqualTo(Path.of("relative/gallery").toAbsolutePath().toString());
    assertThat(s.models()).containsExactly(Path.of("/models/v2"));
    assertThat(GalleryTarget.parse("relative/gallery").describe())
        .isEqualTo("local folder " + Path.of("relative/gallery").toAbsolutePath());
  }

  @Test
  void aRedisUrlGivesHostPortCredentialsAndDatabaseButNeverShowsThePassword() {
    GalleryTarget t = GalleryTarget.parse("rediss://ops:s3cret@redis.example:6380/4");
    GallerySettings s = t.applyTo(BASE);
    assertThat(s.store()).isEqualTo(GallerySettings.Store.REDIS);
    RedisSettings r = s.redis();
    assertThat(r.host()).isEqualTo("redis.example");
    assertThat(r.port()).isEqualTo(6380);
    assertThat(r.tls()).isTrue();
    assertThat(r.user()).isEqualTo("ops");
    assertThat(r.password().reveal()).isEqualTo("s3cret");
    assertThat(r.database()).isEqualTo(4);
    assertThat(r.keyPrefix()).isEqualTo("base:prefix");
    assertThat(t.describe()).isEqualTo("Redis rediss://ops:******@redis.example:6380/4");
    assertThat(GalleryTarget.parse("redis://h").applyTo(BASE).redis().port()).isEqualTo(6379);
  }

  @Test
  void aTlsUrlKeepsTheConfiguredCertificatesAndAPlainOneDropsThem() {
    RedisSettings configured =
        RedisSettings.local("redis.internal", 6380, "base:prefix")
            .withTls(
                "/etc/facetrail/tls/redis-ca.pem",
                "/etc/facetrail/tls/client.p12",
                Secret.of("ks"));
    GallerySettings base =
        new GallerySettings(
            GallerySettings.Store.REDIS,
            configured,
            "",
            BASE.pollInterval(),
            BASE.maxStaleness(),
            BASE.search(),
            BASE.fastThreshold(),
            BASE.fastCandidates(),
            BASE.models());
    RedisSettings tls = GalleryTarget.parse("rediss://other:6390").applyTo(base).redis();
    assertThat(tls.caFile()).isEqualTo("/etc/facetrail/tls/redis-ca.pem");
    assertThat(tls.keyStore()).isEqualTo("/etc/facetrail/tls/client.p12");
    assertThat(tls.keyStorePassword().reveal()).isEqualTo("ks");
    assertThat(tls.verifyHostname()).isTrue();
    RedisSettings plain = GalleryTarget.parse("redis://other:6390").applyTo(base).redis();
    assertThat(plain.tls()).isFalse();
    assertThat(plain.caFile()).isEmpty();
    assertThat(plain.keyStore()).isEmpty();
    assertThat(plain.keyStorePassword().isEmpty()).isTrue();
  }

  @Test
  void aRedisUrlMayNameTheKeyPrefix() {
    GalleryTarget t = GalleryTarget.parse("redis://h:6379/2?keyPrefix=site-b:gallery");
    assertThat(t.applyTo(BASE).redis().keyPrefix()).isEqualTo("site-b:gallery");
    assertThat(t.applyTo(BASE).redis().database()).isEqualTo(2);
    assertThatThrownBy(() -> GalleryTarget.parse("redis://u:pw@h?db=3"))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("the only parameter is keyPrefix")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> GalleryTarget.parse("redis://h?keyPrefix=a b"))
        .isInstanceOf(UserFacingException.class);
  }

  @Test
  void aRedisUrlWithoutCredentialsKeepsTheConfiguredOnes() {
    RedisSettings configured =
        new RedisSettings(
            "127.0.0.1",
            6379,
            false,
            "",
            true,
            "",
            Secret.of(""),
            "svc",
            Secret.of("from-config"),
            0,
            "base:prefix",
            Duration.ofSeconds(2),
            100_000);
    GallerySettings base =
        new GallerySettings(
            GallerySettings.Store.LOCAL,
            configured,
            "configured-dir",
            BASE.pollInterval(),
            BASE.maxStaleness(),
            BASE.search(),
            BASE.fastThreshold(),
            BASE.fastCandidates(),
            BASE.models());
    RedisSettings r = GalleryTarget.parse("redis://redis.example/2").applyTo(base).redis();
    assertThat(r.host()).isEqualTo("redis.example");
    assertThat(r.user()).isEqualTo("svc");
    assertThat(r.password().reveal()).isEqualTo("from-config");
    assertThat(r.database()).isEqualTo(2);
    RedisSettings named = GalleryTarget.parse("redis://ops:pw@redis.example").applyTo(base).redis();
    assertThat(named.user()).isEqualTo("ops");
    assertThat(named.password().reveal()).isEqualTo("pw");
  }

  @Test
  void aBadRedisUrlIsTheUsersErrorWithoutThePassword() {
    assertThatThrownBy(() -> GalleryTarget.parse("redis://u:pw@h:1/x").applyTo(BASE))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("database must be a number")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> GalleryTarget.parse("redis://"))
        .isInstanceOf(UserFacingException.class);
  }
}
