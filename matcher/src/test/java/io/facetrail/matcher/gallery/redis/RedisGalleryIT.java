package io.facetrail.matcher.gallery.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryChanges;
import io.facetrail.matcher.gallery.GalleryContract;
import io.facetrail.matcher.gallery.Person;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The gallery contract against the shared Redis at 127.0.0.1:6379, under a random key prefix. */
class RedisGalleryIT extends GalleryContract {
  private final String prefix = "facetrail-test:" + UUID.randomUUID();

  @Override
  protected Gallery openGallery() {
    return RedisGallery.connect(RedisSettings.local("127.0.0.1", 6379, prefix), Clock.systemUTC());
  }

  @Override
  protected boolean hasChangeFeed() {
    return true;
  }

  @Override
  protected void cleanUp() {
    ((RedisGallery) gallery).deleteAll();
    try (RedisClient client = RedisClient.create("127.0.0.1", 6379)) {
      assertThat(client.keys(prefix + "*")).as("keys left behind").isEmpty();
    }
  }

  @Override
  protected List<byte[]> everythingStored() {
    try (RedisClient client = RedisClient.create("127.0.0.1", 6379)) {
      return StoredKeys.everything(client, prefix);
    }
  }

  @Test
  void aTrimmedFeedAsksForAResync() {
    GalleryChanges.Cursor start = gallery.cursor();
    Person p = gallery.createPerson("A", Map.of());
    gallery.rename(p.id(), "B");
    try (RedisClient client = RedisClient.create("127.0.0.1", 6379)) {
      client.xtrim(prefix + ":changes", 1, false);
    }
    assertThat(gallery.changesSince(start).resyncRequired()).isTrue();
  }

  @Test
  void lostDataAfterARestartChangesTheEpoch() {
    GalleryChanges.Cursor before = gallery.cursor();
    gallery.createPerson("A", Map.of());
    ((RedisGallery) gallery).deleteAll(); // What a restart without persistence leaves.
    GalleryChanges changes = gallery.changesSince(before);
    assertThat(changes.resyncRequired()).isTrue();
    assertThat(changes.cursor().epoch()).isNotEqualTo(before.epoch());
  }
}
