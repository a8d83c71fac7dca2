package io.facetrail.benchmarks.archive;

import io.facetrail.matcher.archive.ArchiveIndex;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.LocalTrackArchive;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.index.ModelCompatibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * What a search command pays before its first query: writing tracks into a local archive (with
 * thumbnails of a realistic size), then opening it and loading every track into the index.
 */
final class ArchiveLoadBench {
  /** A thumbnail of the tracker's usual size (a 96 px JPEG is 3-6 KB). */
  static final int THUMBNAIL_BYTES = 5_000;

  private ArchiveLoadBench() {}

  static void run(SyntheticTracks tracks, int n, BiConsumer<String, Map<String, Object>> report) {
    Path dir;
    try {
      dir = Files.createTempDirectory("facetrail-bench-archive");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      long started = System.nanoTime();
      try (TrackArchive archive = LocalTrackArchive.open(dir)) {
        for (int i = 0; i < n; i++) {
          ArchivedTrack t = tracks.track(i);
          archive.put(
              new ArchivedTrack(
                  t.trackId(),
                  t.streamId(),
                  t.modelId(),
                  t.firstSeen(),
                  t.lastSeen(),
                  t.archivedAt(),
                  t.goodFrames(),
                  t.aggregate(),
                  t.bestFrames(),
                  new byte[THUMBNAIL_BYTES],
                  t.labels()),
              SyntheticTracks.undecided(t.trackId()));
        }
      }
      double writeSeconds = (System.nanoTime() - started) / 1e9;
      started = System.nanoTime();
      int loaded;
      double openSeconds;
      try (TrackArchive archive = LocalTrackArchive.open(dir)) {
        openSeconds = (System.nanoTime() - started) / 1e9;
        loaded =
            ArchiveIndex.load(archive, ModelCompatibility.sameModelOnly(), 50_000, 10_000).size();
      }
      double loadSeconds = (System.nanoTime() - started) / 1e9;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("store", "local");
      m.put("tracks", loaded);
      m.put("thumbnailBytes", THUMBNAIL_BYTES);
      m.put("folderBytes", size(dir));
      m.put("writeSeconds", Math.round(writeSeconds * 100) / 100.0);
      m.put("openSeconds", Math.round(openSeconds * 100) / 100.0);
      m.put("openAndLoadIndexSeconds", Math.round(loadSeconds * 100) / 100.0);
      report.accept("archive-load", m);
    } finally {
      delete(dir);
    }
  }

  private static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the benchmark's archive " + dir, e);
    }
  }
}
