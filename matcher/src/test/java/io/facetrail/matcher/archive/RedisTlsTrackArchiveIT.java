package io.facetrail.matcher.archive;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.facetrail.matcher.gallery.redis.SecureRedis;
import io.facetrail.runtime.testing.RecordedLogs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole archive contract (put, read, re-decide, erase a person, retention) over TLS, as the ACL
 * user of {@link SecureRedis}, under the prefix the archive takes beside a gallery ({@code <gallery
 * prefix>-archive}, which the recommended key pattern covers).
 */
class RedisTlsTrackArchiveIT extends TrackArchiveContract {
  @TempDir static Path dir;
  private static SecureRedis redis;
  private static RecordedLogs logs;

  private final String prefix = SecureRedis.freshPrefix() + ArchiveTarget.SUFFIX;

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
  protected TrackArchive openArchive() {
    return RedisTrackArchive.connect(redis.settings(prefix));
  }

  @Override
  protected List<byte[]> everythingStored() {
    return redis.everythingUnder(prefix);
  }

  @Override
  protected void cleanUp() {
    ((RedisTrackArchive) archive).deleteAll();
    assertThat(redis.keysUnder(prefix)).as("keys left behind").isEmpty();
  }
}
