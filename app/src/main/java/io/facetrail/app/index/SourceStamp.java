package io.facetrail.app.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What identifies the version of a video that was indexed: its size and modification time (cheap to
 * read for thousands of files, unlike a content hash, and changed by any edit or replacement).
 *
 * @param sizeBytes the file's size
 * @param modifiedMs its modification time, epoch milliseconds
 */
public record SourceStamp(long sizeBytes, long modifiedMs) {
  /** The stamp of {@code file} now. */
  public static SourceStamp of(Path file) throws IOException {
    return new SourceStamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
  }
}
