package io.facetrail.trainer.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only file of records, each starting with a marker: everything written survives a
 * restart, and a record cut short by a crash is dropped (the file truncated to the last whole
 * record) when the file is opened again. Not thread-safe.
 */
public final class RecordLog implements AutoCloseable {
  /** Reads the body of one record (after its marker); an EOF inside means a torn record. */
  @FunctionalInterface
  public interface RecordReader {
    void read(DataInputStream in) throws IOException;
  }

  /** Writes the body of one record. */
  @FunctionalInterface
  public interface RecordWriter {
    void write(DataOutputStream out) throws IOException;
  }

  private static final int BUFFER = 1 << 20;

  private final Path file;
  private final int marker;
  private final String kind;
  private final DataOutputStream out;

  private RecordLog(Path file, int marker, String kind, RecordReader reader) throws IOException {
    this.file = file;
    this.marker = marker;
    this.kind = kind;
    Files.createDirectories(file.toAbsolutePath().getParent());
    long valid = load(reader);
    if (Files.exists(file) && Files.size(file) != valid) {
      try (var ch = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
        ch.truncate(valid);
      }
    }
    out =
        new DataOutputStream(
            new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                BUFFER));
  }

  /**
   * Opens (creating if needed) the file, handing every whole record to {@code reader} first.
   *
   * @param kind what the file holds, for error messages (e.g. "chip cache")
   */
  public static RecordLog open(Path file, int marker, String kind, RecordReader reader) {
    try {
      return new RecordLog(file, marker, kind, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + kind + " " + file, e);
    }
  }

  private long load(RecordReader reader) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    long valid = 0;
    try (Counting counted = new Counting(Files.newInputStream(file));
        DataInputStream in = new DataInputStream(counted)) {
      while (true) {
        if (in.readInt() != marker) {
          throw new IOException("not a " + kind + " (bad record marker at byte " + valid + ")");
        }
        reader.read(in);
        valid = counted.count;
      }
    } catch (EOFException e) {
      return valid;
    }
  }

  /** Appends a record (written through to the file; {@link #flush()} makes it durable). */
  public void append(RecordWriter writer) {
    try {
      out.writeInt(marker);
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kind + " " + file, e);
    }
  }

  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kind + " " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + kind + " " + file, e);
    }
  }

  /** Counts the bytes consumed, so the end of the last whole record is known. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(new BufferedInputStream(in, BUFFER));
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
