package io.facetrail.api.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: one JSON object per line, appended and forced to disk before the request that it
 * records answers (an entry that is not on disk did not happen). The file is only ever appended to;
 * FaceTrail never rewrites or truncates it. Readable by admins through the API.
 */
public final class AuditLog implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

  private final Path file;
  private final FileChannel channel;

  private AuditLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens {@code file} for appending, creating it (owner-readable only) and its folder. */
  public static AuditLog open(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      if (!Files.exists(file)) {
        Files.createFile(file);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // Not a POSIX file system: the folder's permissions protect it.
        }
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return new AuditLog(file, ch);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot open the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** Appends {@code entry} and forces it to disk. */
  public synchronized void append(AuditEntry entry) {
    byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer b = ByteBuffer.wrap(line);
      while (b.hasRemaining()) {
        channel.write(b);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The newest {@code limit} entries that {@code filter} accepts, newest first. Reads the whole
   * file: the log of a site grows by its gallery changes and searches, thousands of lines a day.
   */
  public synchronized List<AuditEntry> newest(int limit, Predicate<AuditEntry> filter) {
    Deque<AuditEntry> kept = new ArrayDeque<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        AuditEntry e = JSON.readValue(line, AuditEntry.class);
        if (filter.test(e)) {
          kept.addFirst(e);
          if (kept.size() > limit) {
            kept.removeLast();
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the audit log " + file + ": " + e.getMessage(), e);
    }
    return new ArrayList<>(kept);
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new IllegalStateException("cannot close the audit log " + file, e);
    }
  }
}
