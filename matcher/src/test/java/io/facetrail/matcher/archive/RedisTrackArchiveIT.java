package io.facetrail.matcher.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.matcher.gallery.redis.StoredKeys;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.RedisClient;

/** The archive contract against the shared Redis at 127.0.0.1:6379, under a random key prefix. */
class RedisTrackArchiveIT extends TrackArchiveContract {
  private final String prefix = "facetrail-test:" + UUID.randomUUID();

  @Override
  protected TrackArchive openArchive() {
    return RedisTrackArchive.connect(RedisSettings.local("127.0.0.1", 6379, prefix));
  }

  @Override
  protected List<byte[]> everythingStored() {
    try (RedisClient client = RedisClient.create("127.0.0.1", 6379)) {
      return StoredKeys.everything(client, prefix);
    }
  }

  @Override
  protected void cleanUp() {
    ((RedisTrackArchive) archive).deleteAll();
    try (RedisClient client = RedisClient.create("127.0.0.1", 6379)) {
      assertThat(client.keys(prefix + "*")).as("keys left behind").isEmpty();
    }
  }
}
