package io.facetrail.matcher.gallery.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.RedisClient;

/** Every byte Redis holds under a key prefix: what an erasure must leave nothing of. */
public final class StoredKeys {
  private StoredKeys() {}

  /** Each key under {@code prefix}, then its fields, members, entries or value. */
  public static List<byte[]> everything(RedisClient client, String prefix) {
    List<byte[]> out = new ArrayList<>();
    for (String key : client.keys(prefix + "*")) {
      byte[] k = key.getBytes(StandardCharsets.UTF_8);
      out.add(k);
      switch (client.type(key)) {
        case "string" -> out.add(client.get(k));
        case "hash" ->
            client
                .hgetAll(k)
                .forEach(
                    (f, v) -> {
                      out.add(f);
                      out.add(v);
                    });
        case "set" -> out.addAll(client.smembers(k));
        case "zset" -> out.addAll(client.zrange(k, 0, -1));
        case "stream" ->
            client
                .xrange(key, "-", "+")
                .forEach(
                    e ->
                        e.getFields()
                            .forEach(
                                (f, v) -> out.add((f + "=" + v).getBytes(StandardCharsets.UTF_8))));
        default -> throw new AssertionError("unexpected key type of " + key);
      }
    }
    return out;
  }
}
