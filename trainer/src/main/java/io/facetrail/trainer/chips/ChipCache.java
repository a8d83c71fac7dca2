package io.facetrail.trainer.chips;

import io.facetrail.faces.detect.SubjectSource;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.trainer.store.RecordLog;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
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

  private final Map<String, Chip> chips = new LinkedHashMap<>();
  private final RecordLog log;

  private ChipCache(Path file) {
    this.log = RecordLog.open(file, MAGIC, "chip cache", this::read);
  }

  /** Opens (creating if needed) the cache file. */
  public static ChipCache open(Path file) {
    return new ChipCache(file);
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

  private void read(DataInputStream in) throws IOException {
    String photo = in.readUTF();
    SubjectSource source = SubjectSource.values()[in.readByte()];
    int w = in.readShort();
    int h = in.readShort();
    byte[] rgb = new byte[w * h * 3];
    in.readFully(rgb);
    chips.put(photo, new Chip(photo, source, new RgbImage(w, h, rgb)));
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
    log.append(
        out -> {
          out.writeUTF(chip.photo());
          out.writeByte(chip.source().ordinal());
          out.writeShort(im.width());
          out.writeShort(im.height());
          out.write(im.rgb());
        });
  }

  public void flush() {
    log.flush();
  }

  public Path file() {
    return log.file();
  }

  @Override
  public void close() {
    log.close();
  }
}
