package io.facetrail.matcher.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.matcher.gallery.redis.RedisSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    List<byte[]> out = new ArrayList<>();
    try (RedisClient client = RedisClient.create("127.0.0.1", 6379)) {
      for (String key : client.keys(prefix + "*")) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        out.add(k);
        switch (client.type(key)) {
          case "string" -> out.add(client.get(k));
          case "set" -> out.addAll(client.smembers(k));
          case "zset" -> out.addAll(client.zrange(k, 0, -1));
          default -> throw new AssertionError("unexpected key type " + client.type(key));
        }
      }
    }
    return out;
  }

  @Override
  protected void cleanUp() {
    ((RedisTrackArchive) archive).deleteAll();
    try (RedisClient client = RedisClient.create("127.0.0.1", 6379)) {
      assertThat(client.keys(prefix + "*")).as("keys left behind").isEmpty();
    }
  }
}
