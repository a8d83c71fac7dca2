package io.facetrail.matcher.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

/**
 * The local archive's decisions ({@code decisions.log}): appended, the latest entry per track
 * counting; compacted into a new file that replaces the old one atomically, which is also how an
 * erasure removes every earlier decision naming the person.
 */
final class DecisionLog implements AutoCloseable {
  private final Path file;
  private FileChannel channel;
  private long entries;

  private DecisionLog(Path file) throws IOException {
    this.file = file;
    this.channel = open(file);
  }

  private static FileChannel open(Path p) throws IOException {
    return FileChannel.open(
        p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** Opens the log in {@code dir}, putting the latest decision of each track into {@code into}. */
  static DecisionLog open(Path dir, Map<String, TrackDecision> into) throws IOException {
    DecisionLog log = new DecisionLog(dir.resolve("decisions.log"));
    long at = 0;
    Frames.Entry e;
    while ((e = Frames.read(log.channel, at, true)) != null) {
      into.put(e.key(), ArchiveMessages.decision(e.value()));
      log.entries++;
      at += e.length();
    }
    log.channel.truncate(at); // a torn last entry from a crash during an append
    return log;
  }

  void append(TrackDecision d) throws IOException {
    write(channel, d);
    entries++;
  }

  /** Whether the log holds so many replaced decisions that it should be compacted. */
  boolean wasteful(int live) {
    return entries > 2L * live + 10_000;
  }

  /** Replaces the log with exactly {@code current}. */
  void compact(Collection<TrackDecision> current) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel out =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      for (TrackDecision d : current) {
        write(out, d);
      }
      out.force(true);
    }
    channel.close();
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    channel = open(file);
    entries = current.size();
  }

  private static void write(FileChannel ch, TrackDecision d) throws IOException {
    ByteBuffer b =
        Frames.encode(d.trackId(), d.decidedAt().toEpochMilli(), ArchiveMessages.decision(d));
    long pos = ch.size();
    while (b.hasRemaining()) {
      pos += ch.write(b, pos);
    }
  }

  @Override
  public void close() throws IOException {
    channel.force(true);
    channel.close();
  }
}
