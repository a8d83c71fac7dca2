package io.facetrail.matcher.archive;

import io.facetrail.matcher.gallery.GalleryChanges;
import io.facetrail.matcher.gallery.redis.RedisFailures;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.matcher.index.Match;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The archive in Redis, shared by every matcher and tool. Keys under the configured prefix: {@code
 * track:<id>} (the track without its thumbnail), {@code thumb:<id>}, {@code decision:<id>}, the
 * sorted set {@code archived} (track ids by archiving time, for retention and listing) and {@code
 * mentions:<person id>} (tracks whose decision names the person or has them among the nearest, for
 * erasure) and {@code gallery-cursor} ({@link #galleryCursor()}).
 */
public final class RedisTrackArchive implements TrackArchive {
  private static final int BATCH = 1_000;

  private final RedisClient client;
  private final RedisSettings settings;
  private final String prefix;

  private RedisTrackArchive(RedisClient client, RedisSettings settings) {
    this.client = client;
    this.settings = settings;
    this.prefix = settings.keyPrefix() + ":";
  }

  /** Connects (lazily: the first command opens the connection). */
  public static RedisTrackArchive connect(RedisSettings settings) {
    return new RedisTrackArchive(settings.openClient("facetrail-archive"), settings);
  }

  private byte[] key(String kind, String id) {
    return (prefix + kind + ":" + id).getBytes(StandardCharsets.UTF_8);
  }

  private String archived() {
    return prefix + "archived";
  }

  private String mentions(String personId) {
    return prefix + "mentions:" + personId;
  }

  private static Set<String> persons(TrackDecision d) {
    Set<String> out = new HashSet<>();
    if (d.personId() != null) {
      out.add(d.personId());
    }
    d.nearest().forEach(m -> out.add(m.personId()));
    return out;
  }

  @Override
  public void put(ArchivedTrack track, TrackDecision decision) {
    LocalTrackArchive.requireSameTrack(track, decision);
    String id = track.trackId();
    call(
        () -> {
          Optional<TrackDecision> before = decisionOf(client.get(key("decision", id)));
          try (AbstractPipeline p = client.pipelined()) {
            before.ifPresent(b -> persons(b).forEach(pid -> p.srem(mentions(pid), id)));
            p.set(key("track", id), ArchiveMessages.track(track.withoutThumbnail()));
            byte[] jpeg = track.thumbnailJpeg();
            if (jpeg.length > 0) {
              p.set(key("thumb", id), jpeg);
            } else {
              p.del(key("thumb", id));
            }
            p.set(key("decision", id), ArchiveMessages.decision(decision));
            persons(decision).forEach(pid -> p.sadd(mentions(pid), id));
            p.zadd(archived(), track.archivedAt().toEpochMilli(), id);
            p.sync();
          }
          return null;
        });
  }

  private static Optional<TrackDecision> decisionOf(byte[] bytes) {
    return bytes == null ? Optional.empty() : Optional.of(ArchiveMessages.decision(bytes));
  }

  @Override
  public Optional<ArchivedTrack> track(String trackId) {
    return call(
        () -> {
          byte[] t = client.get(key("track", trackId));
          if (t == null) {
            return Optional.empty();
          }
          ArchivedTrack stored = ArchiveMessages.track(t);
          byte[] jpeg = client.get(key("thumb", trackId));
          return Optional.of(stored.withThumbnail(jpeg));
        });
  }

  @Override
  public Optional<TrackDecision> decision(String trackId) {
    return call(() -> decisionOf(client.get(key("decision", trackId))));
  }

  @Override
  public void forEach(BiConsumer<ArchivedTrack, TrackDecision> visitor) {
    long total = count();
    for (long from = 0; from < total; from += BATCH) {
      long start = from;
      List<String> ids = call(() -> client.zrange(archived(), start, start + BATCH - 1));
      List<Response<byte[]>> tracks = new ArrayList<>(ids.size());
      List<Response<byte[]>> decisions = new ArrayList<>(ids.size());
      call(
          () -> {
            try (AbstractPipeline p = client.pipelined()) {
              for (String id : ids) {
                tracks.add(p.get(key("track", id)));
                decisions.add(p.get(key("decision", id)));
              }
              p.sync();
            }
            return null;
          });
      for (int i = 0; i < ids.size(); i++) {
        byte[] t = tracks.get(i).get();
        byte[] d = decisions.get(i).get();
        if (t != null && d != null) {
          visitor.accept(ArchiveMessages.track(t), ArchiveMessages.decision(d));
        }
      }
    }
  }

  @Override
  public void updateDecisions(Collection<TrackDecision> updated) {
    List<TrackDecision> all = new ArrayList<>(updated);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<TrackDecision> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      call(
          () -> {
            List<Response<byte[]>> before = new ArrayList<>(batch.size());
            try (AbstractPipeline p = client.pipelined()) {
              batch.forEach(d -> before.add(p.get(key("decision", d.trackId()))));
              p.sync();
            }
            try (AbstractPipeline p = client.pipelined()) {
              for (int i = 0; i < batch.size(); i++) {
                TrackDecision d = batch.get(i);
                Optional<TrackDecision> old = decisionOf(before.get(i).get());
                if (old.isEmpty()) {
                  continue; // deleted meanwhile (erasure, retention): not brought back
                }
                persons(old.get()).forEach(pid -> p.srem(mentions(pid), d.trackId()));
                p.set(key("decision", d.trackId()), ArchiveMessages.decision(d));
                persons(d).forEach(pid -> p.sadd(mentions(pid), d.trackId()));
              }
              p.sync();
            }
            return null;
          });
    }
  }

  @Override
  public int erasePerson(String personId) {
    List<String> ids = new ArrayList<>(call(() -> client.smembers(mentions(personId))));
    int deleted = 0;
    for (String id : ids) {
      Optional<TrackDecision> d = decision(id);
      if (d.isEmpty()) {
        continue;
      }
      if (personId.equals(d.get().personId())) {
        delete(id, d.get());
        deleted++;
      } else {
        TrackDecision stripped = d.get().without(personId);
        call(() -> client.set(key("decision", id), ArchiveMessages.decision(stripped)));
      }
    }
    call(() -> client.del(mentions(personId)));
    return deleted;
  }

  private void delete(String id, TrackDecision d) {
    call(
        () -> {
          try (AbstractPipeline p = client.pipelined()) {
            p.del(key("track", id), key("thumb", id), key("decision", id));
            p.zrem(archived(), id);
            persons(d).forEach(pid -> p.srem(mentions(pid), id));
            p.sync();
          }
          return null;
        });
  }

  @Override
  public int deleteArchivedBefore(Instant cutoff) {
    int deleted = 0;
    while (true) {
      List<String> ids =
          call(
              () ->
                  client.zrangeByScore(
                      archived(), Double.NEGATIVE_INFINITY, cutoff.toEpochMilli() - 1, 0, BATCH));
      if (ids.isEmpty()) {
        return deleted;
      }
      for (String id : ids) {
        Optional<TrackDecision> d = decision(id);
        delete(id, d.orElse(noDecision(id)));
        deleted++;
      }
    }
  }

  private static TrackDecision noDecision(String id) {
    return new TrackDecision(
        id,
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        -1,
        List.<Match>of(),
        false,
        Instant.EPOCH,
        false,
        0);
  }

  @Override
  public Optional<GalleryChanges.Cursor> galleryCursor() {
    return GalleryCursorText.read(call(() -> client.get(prefix + "gallery-cursor")));
  }

  @Override
  public void galleryCursor(GalleryChanges.Cursor cursor) {
    call(() -> client.set(prefix + "gallery-cursor", GalleryCursorText.write(cursor)));
  }

  @Override
  public long count() {
    return call(() -> client.zcard(archived()));
  }

  /** Deletes every key of this archive (tests). */
  public void deleteAll() {
    for (String id : call(() -> client.zrange(archived(), 0, -1))) {
      delete(id, decision(id).orElse(noDecision(id)));
    }
    call(() -> client.del(archived(), prefix + "gallery-cursor"));
  }

  @Override
  public String describe() {
    return "Redis track archive " + settings.describe();
  }

  @Override
  public void close() {
    client.close();
  }

  private <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisException e) {
      throw new ArchiveUnavailableException(RedisFailures.explain(describe(), settings, e), e);
    }
  }
}
