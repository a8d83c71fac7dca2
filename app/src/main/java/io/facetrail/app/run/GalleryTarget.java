package io.facetrail.app.run;

import io.facetrail.runtime.cli.UserFacingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the all-in-one run keeps its gallery: a directory (the local gallery) or a Redis server
 * given as {@code redis://[user[:password]@]host[:port][/database]} ({@code rediss://} for TLS).
 */
public record GalleryTarget(Path directory, URI redis) {
  /** Parses the value of {@code --gallery}. */
  public static GalleryTarget parse(String value) {
    if (value.startsWith("redis://") || value.startsWith("rediss://")) {
      try {
        URI uri = new URI(value);
        if (uri.getHost() == null) {
          throw new UserFacingException("--gallery " + redacted(value) + " names no host");
        }
        return new GalleryTarget(null, uri);
      } catch (URISyntaxException e) {
        throw new UserFacingException(
            "--gallery " + redacted(value) + " is not a valid Redis URL: " + e.getReason(), e);
      }
    }
    return new GalleryTarget(Path.of(value), null);
  }

  /** The matcher configuration settings (dotted paths) that select this gallery. */
  public Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    if (directory != null) {
      s.put("gallery.store", "LOCAL");
      s.put("gallery.localDir", directory.toAbsolutePath().toString());
      return s;
    }
    s.put("gallery.store", "REDIS");
    s.put("gallery.redis.host", redis.getHost());
    s.put("gallery.redis.port", Integer.toString(redis.getPort() > 0 ? redis.getPort() : 6379));
    s.put("gallery.redis.tls", Boolean.toString("rediss".equals(redis.getScheme())));
    String info = redis.getUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      s.put("gallery.redis.user", colon < 0 ? info : info.substring(0, colon));
      if (colon >= 0) {
        s.put("gallery.redis.password", info.substring(colon + 1));
      }
    }
    String db = redis.getPath() == null ? "" : redis.getPath().replace("/", "");
    if (!db.isEmpty()) {
      s.put("gallery.redis.database", db);
    }
    return s;
  }

  /** How to name the gallery in messages: never with its password. */
  public String describe() {
    return directory != null ? directory.toString() : redacted(redis.toString());
  }

  private static String redacted(String url) {
    return url.replaceAll("//([^:@/]*):[^@/]*@", "//$1:******@");
  }
}
