package io.facetrail.matcher.archive;

import io.facetrail.matcher.gallery.GalleryChanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The archive in a folder, the embedded default. Tracks are appended to one segment file per UTC
 * day of archiving ({@code tracks-YYYYMMDD.seg}) and never changed in place; decisions, which
 * re-decisions replace, are appended to {@code decisions.log}, whose latest entry per track counts.
 * Erasure and retention rewrite the segments concerned and the decision log to a new file that
 * replaces the old one atomically, so no byte of an erased track stays behind in the folder. The
 * folder is locked by one process at a time ({@code lock}); offsets and decisions are held in
 * memory (about 200 bytes per track).
 */
public final class LocalTrackArchive implements TrackArchive {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final int CHUNK = 2_000;

  /** The file of {@link #galleryCursor()}. */
  private static final String GALLERY_CURSOR = "gallery-cursor";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<String, Location> tracks = new HashMap<>();
  private final Map<String, TrackDecision> decisions = new HashMap<>();
  private final Map<String, FileChannel> open = new HashMap<>();

  /** Segments holding replaced copies of tracks: rewritten at the next erasure, sweep or close. */
  private final Set<String> dirty = new TreeSet<>();

  private DecisionLog decisionLog;

  /** Where a track's entry lies. */
  private record Location(String segment, long offset, long archivedAtMs) {}

  private LocalTrackArchive(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating it when absent) the archive in {@code dir}.
   *
   * @throws ArchiveUnavailableException when the folder cannot be used or another process has it
   */
  public static LocalTrackArchive open(Path dir) {
    FileChannel ch = null;
    try {
      Files.createDirectories(dir);
      ch =
          FileChannel.open(
              dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        throw new ArchiveUnavailableException(
            "track archive " + dir + " is in use by another process", null);
      }
      LocalTrackArchive a = new LocalTrackArchive(dir, ch, l);
      a.load();
      return a;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new ArchiveUnavailableException("cannot open track archive " + dir, e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException suppressed) {
        // Already failing with the cause that matters.
      }
    }
  }

  private void load() throws IOException {
    for (String segment : segments()) {
      FileChannel ch = channel(segment);
      long at = 0;
      Frames.Entry e;
      while ((e = Frames.read(ch, at, false)) != null) {
        Location before = tracks.put(e.key(), new Location(segment, at, e.timeMs()));
        if (before != null) {
          dirty.add(before.segment());
        }
        at += e.length();
      }
      ch.truncate(at); // a torn last entry from a crash during an append
    }
    decisionLog = DecisionLog.open(dir, decisions);
    decisions.keySet().retainAll(tracks.keySet());
  }

  private List<String> segments() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("tracks-") && n.endsWith(".seg"))
          .sorted()
          .toList();
    }
  }

  private FileChannel channel(String segment) throws IOException {
    FileChannel ch = open.get(segment);
    if (ch == null) {
      ch = logChannel(dir.resolve(segment));
      open.put(segment, ch);
    }
    return ch;
  }

  private static FileChannel logChannel(Path p) throws IOException {
    return FileChannel.open(
        p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static long append(FileChannel ch, java.nio.ByteBuffer b) throws IOException {
    long at = ch.size();
    long pos = at;
    while (b.hasRemaining()) {
      pos += ch.write(b, pos);
    }
    return at;
  }

  @Override
  public synchronized void put(ArchivedTrack track, TrackDecision decision) {
    requireSameTrack(track, decision);
    String segment = "tracks-" + DAY.format(track.archivedAt()) + ".seg";
    long ms = track.archivedAt().toEpochMilli();
    try {
      long at =
          append(
              channel(segment), Frames.encode(track.trackId(), ms, ArchiveMessages.track(track)));
      Location before = tracks.put(track.trackId(), new Location(segment, at, ms));
      appendDecision(decision);
      if (before != null) {
        // The replaced copy must not outlive an erasure: its segment is rewritten without it at
        // the next erasure, sweep or close (a re-indexed video replaces many tracks at once).
        dirty.add(before.segment());
      }
    } catch (IOException e) {
      throw new ArchiveUnavailableException("cannot write to track archive " + dir, e);
    }
  }

  static void requireSameTrack(ArchivedTrack track, TrackDecision decision) {
    if (!track.trackId().equals(decision.trackId())) {
      throw new IllegalArgumentException(
          "decision of " + decision.trackId() + " given for track " + track.trackId());
    }
  }

  private void appendDecision(TrackDecision d) throws IOException {
    decisionLog.append(d);
    decisions.put(d.trackId(), d);
  }

  @Override
  public synchronized Optional<ArchivedTrack> track(String trackId) {
    Location l = tracks.get(trackId);
    if (l == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ArchiveMessages.track(Frames.read(channel(l.segment()), l.offset(), true).value()));
    } catch (IOException e) {
      throw new ArchiveUnavailableException("cannot read track archive " + dir, e);
    }
  }

  @Override
  public synchronized Optional<TrackDecision> decision(String trackId) {
    return Optional.ofNullable(decisions.get(trackId));
  }

  /**
   * Reads the archive a chunk at a time, holding the archive's lock only while a chunk is read: a
   * re-decision of a large archive must not stop the writer (and so the stream thread) for its
   * whole length. A segment rewritten meanwhile (an erasure) is read again from its start, skipping
   * the tracks already visited.
   */
  @Override
  public void forEach(BiConsumer<ArchivedTrack, TrackDecision> visitor) {
    List<String> all;
    synchronized (this) {
      try {
        all = segments();
      } catch (IOException e) {
        throw new ArchiveUnavailableException("cannot read track archive " + dir, e);
      }
    }
    for (String segment : all) {
      Set<String> visited = new HashSet<>();
      long at = 0;
      FileChannel reading = null;
      while (true) {
        List<Map.Entry<ArchivedTrack, TrackDecision>> chunk = new ArrayList<>(CHUNK);
        synchronized (this) {
          if (!Files.exists(dir.resolve(segment))) {
            break; // deleted by retention or erasure meanwhile
          }
          try {
            FileChannel ch = channel(segment);
            if (reading != null && ch != reading) {
              at = 0; // rewritten meanwhile: offsets changed
            }
            reading = ch;
            Frames.Entry e;
            while (chunk.size() < CHUNK && (e = Frames.read(ch, at, true)) != null) {
              Location l = tracks.get(e.key());
              TrackDecision d = decisions.get(e.key());
              if (l != null
                  && l.segment().equals(segment)
                  && l.offset() == at
                  && d != null
                  && visited.add(e.key())) {
                chunk.add(Map.entry(ArchiveMessages.track(e.value()).withoutThumbnail(), d));
              }
              at += e.length();
            }
            if (chunk.isEmpty()) {
              break;
            }
          } catch (IOException e) {
            throw new ArchiveUnavailableException("cannot read track archive " + dir, e);
          }
        }
        chunk.forEach(x -> visitor.accept(x.getKey(), x.getValue()));
      }
    }
  }

  @Override
  public synchronized void updateDecisions(Collection<TrackDecision> updated) {
    try {
      for (TrackDecision d : updated) {
        if (tracks.containsKey(d.trackId())) {
          appendDecision(d);
        }
      }
      if (decisionLog.wasteful(decisions.size())) {
        compactDecisions();
      }
    } catch (IOException e) {
      throw new ArchiveUnavailableException("cannot write to track archive " + dir, e);
    }
  }

  @Override
  public synchronized int erasePerson(String personId) {
    Set<String> victims = new HashSet<>();
    boolean mentioned = false;
    for (TrackDecision d : decisions.values()) {
      if (personId.equals(d.personId())) {
        victims.add(d.trackId());
      } else if (d.mentions(personId)) {
        mentioned = true;
      }
    }
    if (victims.isEmpty() && !mentioned) {
      return 0;
    }
    decisions.replaceAll((id, d) -> d.without(personId));
    return drop(victims);
  }

  @Override
  public synchronized int deleteArchivedBefore(Instant cutoff) {
    long ms = cutoff.toEpochMilli();
    Set<String> old = new HashSet<>();
    tracks.forEach(
        (id, l) -> {
          if (l.archivedAtMs() < ms) {
            old.add(id);
          }
        });
    return old.isEmpty() ? 0 : drop(old);
  }

  /** Removes {@code ids} from every file (segments and decision log, both rewritten). */
  private int drop(Set<String> ids) {
    Set<String> touched = new TreeSet<>(dirty);
    for (String id : ids) {
      touched.add(tracks.get(id).segment());
    }
    try {
      rewrite(touched, ids::contains);
      dirty.clear();
      ids.forEach(decisions::remove);
      compactDecisions();
    } catch (IOException e) {
      throw new ArchiveUnavailableException("cannot rewrite track archive " + dir, e);
    }
    return ids.size();
  }

  /**
   * Rewrites {@code segments} keeping only the current entry of each track not {@code dropped}; a
   * segment left empty is deleted.
   */
  private void rewrite(Set<String> segments, Predicate<String> dropped) throws IOException {
    for (String segment : segments) {
      Path target = dir.resolve(segment);
      Path tmp = dir.resolve(segment + ".tmp");
      FileChannel old = channel(segment);
      Map<String, Location> moved = new HashMap<>();
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        long at = 0;
        Frames.Entry e;
        while ((e = Frames.read(old, at, true)) != null) {
          Location l = tracks.get(e.key());
          if (l != null
              && l.segment().equals(segment)
              && l.offset() == at
              && !dropped.test(e.key())) {
            long to = append(out, Frames.encode(e.key(), e.timeMs(), e.value()));
            moved.put(e.key(), new Location(segment, to, e.timeMs()));
          }
          at += e.length();
        }
        out.force(true);
      }
      old.close();
      open.remove(segment);
      tracks.values().removeIf(l -> l.segment().equals(segment));
      if (moved.isEmpty()) {
        Files.delete(tmp);
        Files.delete(target);
      } else {
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        tracks.putAll(moved);
      }
    }
  }

  /** Writes the current decisions to a new log that replaces the old one. */
  private void compactDecisions() throws IOException {
    decisions.keySet().retainAll(tracks.keySet());
    decisionLog.compact(new ArrayList<>(decisions.values()));
  }

  @Override
  public synchronized Optional<GalleryChanges.Cursor> galleryCursor() {
    Path file = dir.resolve(GALLERY_CURSOR);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return GalleryCursorText.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ArchiveUnavailableException("cannot read track archive " + dir, e);
    }
  }

  @Override
  public synchronized void galleryCursor(GalleryChanges.Cursor cursor) {
    Path file = dir.resolve(GALLERY_CURSOR);
    Path tmp = dir.resolve(GALLERY_CURSOR + ".tmp");
    try {
      Files.writeString(tmp, GalleryCursorText.write(cursor), StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ArchiveUnavailableException("cannot write to track archive " + dir, e);
    }
  }

  @Override
  public synchronized long count() {
    return tracks.size();
  }

  @Override
  public String describe() {
    return "local track archive " + dir;
  }

  @Override
  public synchronized void close() {
    try {
      if (!dirty.isEmpty()) {
        rewrite(dirty, id -> false);
        dirty.clear();
      }
      for (FileChannel ch : open.values()) {
        ch.force(true);
        ch.close();
      }
      open.clear();
      if (decisionLog != null) {
        decisionLog.close();
      }
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close track archive " + dir, e);
    }
  }
}
