package io.facetrail.matcher.gallery;

import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.config.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A gallery named on the command line ({@code --gallery} of {@code run}, {@code index} and every
 * {@code gallery} command): a directory (the local gallery) or a Redis server given as {@code
 * redis://[user[:password]@]host[:port][/database][?keyPrefix=PREFIX]} ({@code rediss://} for TLS;
 * the key prefix, else the configuration's, tells several galleries on one server apart).
 *
 * @param directory the local gallery's directory, absolute; null for Redis
 * @param redis the Redis server; null for a directory
 */
public record GalleryTarget(Path directory, URI redis) {
  /**
   * The gallery every command uses when none is named, as a picocli default value (so that {@code
   * --help} shows it resolved).
   */
  public static final String DEFAULT = "${sys:user.home}/.local/share/facetrail/gallery";

  public GalleryTarget {
    if ((directory == null) == (redis == null)) {
      throw new IllegalArgumentException("a gallery target is a directory or a Redis server");
    }
    directory = directory == null ? null : directory.toAbsolutePath().normalize();
  }

  /** The default gallery: the local folder {@code ~/.local/share/facetrail/gallery}. */
  public static GalleryTarget defaultLocal() {
    return new GalleryTarget(
        Path.of(System.getProperty("user.home"), ".local", "share", "facetrail", "gallery"), null);
  }

  /** Parses the value of {@code --gallery}. */
  public static GalleryTarget parse(String value) {
    if (value.startsWith("redis://") || value.startsWith("rediss://")) {
      try {
        URI uri = new URI(value);
        if (uri.getHost() == null) {
          throw new UserFacingException("--gallery " + redacted(value) + " names no host");
        }
        keyPrefixOf(uri, value);
        return new GalleryTarget(null, uri);
      } catch (URISyntaxException e) {
        throw new UserFacingException(
            "--gallery " + redacted(value) + " is not a valid Redis URL: " + e.getReason(), e);
      }
    }
    return new GalleryTarget(Path.of(value), null);
  }

  private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9:._-]{1,100}");

  /**
   * The key prefix a Redis URL's query names ({@code ?keyPrefix=P}), or null when it has no query.
   *
   * @throws UserFacingException for any other query, or a prefix Redis settings would refuse
   */
  private static String keyPrefixOf(URI uri, String value) {
    String query = uri.getQuery();
    if (query == null) {
      return null;
    }
    String prefix = query.startsWith("keyPrefix=") ? query.substring("keyPrefix=".length()) : null;
    if (prefix == null || !KEY_PREFIX.matcher(prefix).matches()) {
      throw new UserFacingException(
          "--gallery "
              + redacted(value)
              + ": the only parameter is keyPrefix=P (1-100 of A-Z a-z 0-9 : . _ -)");
    }
    return prefix;
  }

  /**
   * {@code base} pointed at this gallery: the store and its address from here, everything else (key
   * prefix, timeouts, polling, search, models) from {@code base}, and so are the Redis user and
   * password when the URL names none.
   */
  public GallerySettings applyTo(GallerySettings base) {
    return new GallerySettings(
        directory != null ? GallerySettings.Store.LOCAL : GallerySettings.Store.REDIS,
        directory != null ? base.redis() : redisSettings(base.redis()),
        directory != null ? directory.toString() : base.localDir(),
        base.pollInterval(),
        base.maxStaleness(),
        base.search(),
        base.fastThreshold(),
        base.fastCandidates(),
        base.models());
  }

  private RedisSettings redisSettings(RedisSettings base) {
    String info = redis.getUserInfo();
    int colon = info == null ? -1 : info.indexOf(':');
    String user = info == null ? base.user() : colon < 0 ? info : info.substring(0, colon);
    Secret password = colon < 0 ? base.password() : Secret.of(info.substring(colon + 1));
    String db = redis.getPath() == null ? "" : redis.getPath().replace("/", "");
    int database;
    try {
      database = db.isEmpty() ? 0 : Integer.parseInt(db);
    } catch (NumberFormatException e) {
      throw new UserFacingException(
          "--gallery " + describe() + ": the database must be a number, not '" + db + "'", e);
    }
    return base.withServer(
            redis.getHost(),
            redis.getPort() > 0 ? redis.getPort() : 6379,
            "rediss".equals(redis.getScheme()),
            user,
            password,
            database)
        .withKeyPrefix(
            Objects.requireNonNullElse(keyPrefixOf(redis, redis.toString()), base.keyPrefix()));
  }

  /** How to name the gallery in messages, as the stores name themselves: never with a password. */
  public String describe() {
    return directory != null ? "local folder " + directory : "Redis " + redacted(redis.toString());
  }

  private static String redacted(String url) {
    return url.replaceAll("//([^:@/]*):[^@/]*@", "//$1:******@");
  }
}
