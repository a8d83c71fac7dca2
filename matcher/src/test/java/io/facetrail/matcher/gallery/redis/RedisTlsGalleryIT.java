package io.facetrail.matcher.gallery.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryContract;
import io.facetrail.runtime.testing.RecordedLogs;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gallery contract (enrol, read, change feed, erase and what erasure leaves) over TLS, as
 * the ACL user of {@link SecureRedis}: proves that TLS with a private CA works and that the
 * recommended ACL grants every command the gallery sends. Nothing it logs holds the password.
 */
class RedisTlsGalleryIT extends GalleryContract {
  @TempDir static Path dir;
  private static SecureRedis redis;
  private static RecordedLogs logs;

  private final String prefix = SecureRedis.freshPrefix();

  @BeforeAll
  static void startRedis() {
    logs = new RecordedLogs(Level.DEBUG, "redis.clients");
    redis = SecureRedis.start(dir);
  }

  @AfterAll
  static void stopRedis() {
    logs.close();
    if (redis != null) {
      redis.close();
      assertThat(logs.text()).doesNotContain(redis.password().reveal());
    }
  }

  @Override
  protected Gallery openGallery() {
    return RedisGallery.connect(redis.settings(prefix), Clock.systemUTC());
  }

  @Override
  protected boolean hasChangeFeed() {
    return true;
  }

  @Override
  protected void cleanUp() {
    ((RedisGallery) gallery).deleteAll();
    assertThat(redis.keysUnder(prefix)).as("keys left behind").isEmpty();
  }

  @Override
  protected java.util.List<byte[]> everythingStored() {
    return redis.everythingUnder(prefix);
  }
}
