package io.facetrail.faces.image;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The image sizes a TIFF file's directories (IFDs) state, read by FaceTrail itself before any
 * decoder sees the file. Java's ImageIO and OpenCV's libtiff resolve a directory that names a tag
 * twice differently (a fuzzed file stated width 6 and then 5: one read 5x5, the other decoded 6x5),
 * so the pixel limit checked on ImageIO's reading did not bound what libtiff allocated. A directory
 * that states its width or height twice with different values is refused, and the limit applies to
 * the largest size any directory states.
 */
final class TiffHeader {
  static final int IMAGE_WIDTH = 256;
  static final int IMAGE_LENGTH = 257;

  /** Directories followed at most: a loop of next-directory offsets must end. */
  static final int MAX_DIRECTORIES = 64;

  /** Entries per directory at most (a real directory has a few dozen). */
  static final int MAX_ENTRIES = 4096;

  private final byte[] b;
  private final boolean little;
  private final boolean big;

  private TiffHeader(byte[] b, boolean little, boolean big) {
    this.b = b;
    this.little = little;
    this.big = big;
  }

  /** Whether the bytes start like a TIFF (classic or BigTIFF, either byte order). */
  static boolean isTiff(byte[] b) {
    if (b.length < 8) {
      return false;
    }
    boolean ii = b[0] == 'I' && b[1] == 'I';
    boolean mm = b[0] == 'M' && b[1] == 'M';
    if (!ii && !mm) {
      return false;
    }
    int magic = ii ? (b[2] & 0xff) | (b[3] & 0xff) << 8 : (b[2] & 0xff) << 8 | (b[3] & 0xff);
    return magic == 42 || magic == 43;
  }

  /**
   * The largest width and height any directory states (each the largest of its own), or empty when
   * no directory states both.
   *
   * @throws ImageDecodeException when a directory states its width or height twice differently, or
   *     the directory structure points outside the file
   */
  static Optional<ImageSize> largest(byte[] bytes) {
    if (!isTiff(bytes)) {
      return Optional.empty();
    }
    boolean little = bytes[0] == 'I';
    TiffHeader h = new TiffHeader(bytes, little, h16(bytes, 2, little) == 43);
    return h.scan();
  }

  private Optional<ImageSize> scan() {
    long offset = big ? u64(8) : u32(4);
    long maxW = 0;
    long maxH = 0;
    for (int dir = 0; dir < MAX_DIRECTORIES && offset != 0; dir++) {
      int entrySize = big ? 20 : 12;
      int countSize = big ? 8 : 2;
      need(offset, countSize);
      long entries = big ? u64((int) offset) : u16((int) offset);
      if (entries > MAX_ENTRIES) {
        throw new ImageDecodeException("TIFF directory with " + entries + " entries");
      }
      long first = offset + countSize;
      need(first, entries * entrySize + (big ? 8 : 4));
      Map<Integer, Long> stated = new HashMap<>();
      for (int i = 0; i < entries; i++) {
        int e = (int) (first + (long) i * entrySize);
        int tag = u16(e);
        if (tag != IMAGE_WIDTH && tag != IMAGE_LENGTH) {
          continue;
        }
        int type = u16(e + 2);
        int valueAt = e + (big ? 12 : 8);
        long value =
            switch (type) {
              case 3 -> u16(valueAt);
              case 4 -> u32(valueAt);
              case 16 -> u64(valueAt);
              default ->
                  throw new ImageDecodeException(
                      "TIFF size tag " + tag + " of type " + type + " (not a whole number)");
            };
        Long before = stated.put(tag, value);
        if (before != null && before != value) {
          throw new ImageDecodeException(
              "contradictory TIFF header: tag "
                  + tag
                  + " states "
                  + before
                  + " and "
                  + value
                  + " in one directory");
        }
      }
      maxW = Math.max(maxW, stated.getOrDefault(IMAGE_WIDTH, 0L));
      maxH = Math.max(maxH, stated.getOrDefault(IMAGE_LENGTH, 0L));
      long next = first + entries * entrySize;
      offset = big ? u64((int) next) : u32((int) next);
    }
    if (maxW == 0 || maxH == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new ImageSize(
            (int) Math.min(maxW, Integer.MAX_VALUE), (int) Math.min(maxH, Integer.MAX_VALUE)));
  }

  private void need(long at, long length) {
    if (at < 0 || length < 0 || at + length > b.length) {
      throw new ImageDecodeException(
          "TIFF directory at " + at + " runs past the end of the file (" + b.length + " bytes)");
    }
  }

  private static int h16(byte[] b, int at, boolean little) {
    return little
        ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8
        : (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  private int u16(int at) {
    need(at, 2);
    return h16(b, at, little);
  }

  private long u32(int at) {
    need(at, 4);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      int shift = little ? 8 * i : 8 * (3 - i);
      v |= (long) (b[at + i] & 0xff) << shift;
    }
    return v;
  }

  private long u64(int at) {
    need(at, 8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      int shift = little ? 8 * i : 8 * (7 - i);
      v |= (long) (b[at + i] & 0xff) << shift;
    }
    if (v < 0) {
      throw new ImageDecodeException("TIFF offset or size beyond 2^63");
    }
    return v;
  }
}
