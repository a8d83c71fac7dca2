package io.facetrail.trainer.chips;

import io.facetrail.faces.image.RgbImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An append-only file of aligned chips keyed by photo, so chips are cut once and an interrupted
 * extraction resumes where it stopped. The file name carries every setting that changes a chip; a
 * record cut short by a crash is dropped on open. Not thread-safe.
 */
public final class ChipCache implements AutoCloseable {
  private static final int MAGIC = 0x43484950; // "CHIP"

  private final Path file;
  private final Map<String, Chip> chips = new LinkedHashMap<>();
  private final DataOutputStream out;

  private ChipCache(Path file) throws IOException {
    this.file = file;
    Files.createDirectories(file.toAbsolutePath().getParent());
    long valid = load();
    if (Files.exists(file) && Files.size(file) != valid) {
      try (var ch = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
        ch.truncate(valid);
      }
    }
    out =
        new DataOutputStream(
            new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                1 << 20));
  }

  /** Opens (creating if needed) the cache file. */
  public static ChipCache open(Path file) {
    try {
      return new ChipCache(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open chip cache " + file, e);
    }
  }

  /**
   * The default cache folder: {@code $XDG_CACHE_HOME/facetrail/chips}, else {@code
   * ~/.cache/facetrail/chips}.
   */
  public static Path defaultDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("facetrail").resolve("chips");
  }

  private long load() throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    long valid = 0;
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      while (true) {
        if (in.readInt() != MAGIC) {
          throw new IOException("not a chip cache (bad record marker at byte " + valid + ")");
        }
        String photo = in.readUTF();
        ChipSource source = ChipSource.values()[in.readByte()];
        int w = in.readShort();
        int h = in.readShort();
        byte[] rgb = new byte[w * h * 3];
        in.readFully(rgb);
        chips.put(photo, new Chip(photo, source, new RgbImage(w, h, rgb)));
        valid += 4 + 2 + photo.getBytes(StandardCharsets.UTF_8).length + 1 + 4 + rgb.length;
      }
    } catch (EOFException e) {
      return valid;
    }
  }

  public Optional<Chip> get(String photo) {
    return Optional.ofNullable(chips.get(photo));
  }

  public boolean contains(String photo) {
    return chips.containsKey(photo);
  }

  public int size() {
    return chips.size();
  }

  /** Stores a chip (written through to the file; call {@link #flush()} to make it durable). */
  public void put(Chip chip) {
    chips.put(chip.photo(), chip);
    RgbImage im = chip.image();
    try {
      out.writeInt(MAGIC);
      out.writeUTF(chip.photo());
      out.writeByte(chip.source().ordinal());
      out.writeShort(im.width());
      out.writeShort(im.height());
      out.write(im.rgb());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chip cache " + file, e);
    }
  }

  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chip cache " + file, e);
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
      throw new UncheckedIOException("cannot close chip cache " + file, e);
    }
  }
}
