package io.facetrail.api.videos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timelines in an index output folder. A video's id is its timeline's path relative to the
 * folder, base64url-encoded: stable across restarts, and a request can only name a file the listing
 * found (never a path of its own).
 */
public final class IndexedVideos {
  /** Suffix of the timeline files {@code facetrail index} writes. */
  static final String SUFFIX = ".timeline.json";

  /** The folder depth searched and the most timelines listed. */
  static final int MAX_DEPTH = 6;

  static final int MAX_VIDEOS = 10_000;

  /** A timeline larger than this is not parsed (a 2-hour video's is a few MB). */
  static final long MAX_TIMELINE_BYTES = 64L * 1024 * 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path dir;

  public IndexedVideos(Path dir) {
    this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
  }

  /** No index folder configured: no videos. */
  public static IndexedVideos none() {
    return new IndexedVideos(null);
  }

  /** One timeline file found. */
  public record Entry(String id, Path file) {}

  /** Every timeline, sorted by path. */
  public List<Entry> list() {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(dir, MAX_DEPTH)) {
      List<Entry> found = new ArrayList<>();
      for (Path p :
          all.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
              .filter(Files::isRegularFile)
              .sorted()
              .limit(MAX_VIDEOS)
              .toList()) {
        found.add(new Entry(idOf(p), p));
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the index folder " + dir, e);
    }
  }

  /** The timeline of the video {@code id}, if the folder has it. */
  public Optional<Entry> find(String id) {
    return list().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /**
   * The timeline document, or empty when it is not a FaceTrail timeline (another format, too large,
   * unreadable JSON): the listing shows only what it can read.
   */
  public Optional<JsonNode> read(Entry e) {
    try {
      if (Files.size(e.file()) > MAX_TIMELINE_BYTES) {
        return Optional.empty();
      }
      JsonNode doc = JSON.readTree(e.file().toFile());
      if (!"facetrail-timeline".equals(doc.path("format").asString(""))
          || doc.path("version").asInt(0) != 1) {
        return Optional.empty();
      }
      return Optional.of(doc);
    } catch (IOException | RuntimeException ex) {
      // A timeline being rewritten by a running `index`, or not ours: left out of the listing.
      return Optional.empty();
    }
  }

  /**
   * A face image of the timeline {@code e}, by the relative path the timeline gives: only files
   * inside the timeline's folder, only JPEGs.
   */
  public Optional<Path> face(Entry e, String relative) {
    Path base = e.file().getParent();
    Path p = base.resolve(relative).normalize();
    if (!p.startsWith(base) || !p.getFileName().toString().toLowerCase().endsWith(".jpg")) {
      return Optional.empty();
    }
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  private String idOf(Path p) {
    String rel = dir.relativize(p).toString().replace('\\', '/');
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(rel.getBytes(StandardCharsets.UTF_8));
  }
}
