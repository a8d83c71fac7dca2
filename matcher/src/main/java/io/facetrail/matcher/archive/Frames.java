package io.facetrail.matcher.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The framing of the local archive's files: each entry is its length, a CRC-32C of the rest, the
 * key (a track id), a time (epoch ms) and the value. The key and time come first so that opening an
 * archive reads them without the value (thumbnails make up most of a segment); the CRC is checked
 * when the value is read.
 */
final class Frames {
  /** Length, CRC, key length, time. */
  static final int HEADER = 4 + 4 + 2 + 8;

  /** No entry is larger: a thumbnail, four codes and a few ids, with room to spare. */
  static final int MAX_ENTRY = 1 << 20;

  private Frames() {}

  /** One entry read from a file (the value only when asked for). */
  record Entry(long offset, int length, String key, long timeMs, byte[] value) {}

  static ByteBuffer encode(String key, long timeMs, byte[] value) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    if (k.length > Short.MAX_VALUE) {
      throw new IllegalArgumentException("track id of " + k.length + " bytes is too long");
    }
    int length = HEADER + k.length + value.length;
    if (length > MAX_ENTRY) {
      throw new IllegalArgumentException("archive entry of " + length + " bytes is too large");
    }
    ByteBuffer b = ByteBuffer.allocate(length);
    b.putInt(length).putInt(0).putShort((short) k.length).putLong(timeMs).put(k).put(value);
    b.putInt(4, crc(b.array(), 8, length - 8));
    return b.flip();
  }

  /**
   * Reads the entry at {@code offset}, with its value when {@code withValue} (checked against its
   * CRC). Returns null at the end of the file and at a torn last entry (a crash during an append).
   */
  static Entry read(FileChannel ch, long offset, boolean withValue) throws IOException {
    long size = ch.size();
    if (offset + HEADER > size) {
      return null;
    }
    ByteBuffer head = ByteBuffer.allocate(HEADER);
    readFully(ch, head, offset);
    head.flip();
    int length = head.getInt();
    int crc = head.getInt();
    int keyLength = head.getShort();
    long timeMs = head.getLong();
    if (length < HEADER || length > MAX_ENTRY || keyLength < 0 || HEADER + keyLength > length) {
      throw new IOException(
          "corrupt archive entry at offset " + offset + " (length " + length + ")");
    }
    if (offset + length > size) {
      return null;
    }
    ByteBuffer rest = ByteBuffer.allocate(withValue ? length - HEADER : keyLength);
    readFully(ch, rest, offset + HEADER);
    byte[] r = rest.array();
    String key = new String(r, 0, keyLength, StandardCharsets.UTF_8);
    byte[] value = null;
    if (withValue) {
      CRC32C c = new CRC32C();
      c.update(head.array(), 8, HEADER - 8);
      c.update(r, 0, r.length);
      if ((int) c.getValue() != crc) {
        throw new IOException("archive entry at offset " + offset + " fails its checksum");
      }
      value = java.util.Arrays.copyOfRange(r, keyLength, r.length);
    }
    return new Entry(offset, length, key, timeMs, value);
  }

  private static int crc(byte[] a, int from, int length) {
    CRC32C c = new CRC32C();
    c.update(a, from, length);
    return (int) c.getValue();
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      int n = ch.read(b, pos);
      if (n < 0) {
        throw new IOException("archive file ends inside an entry at offset " + at);
      }
      pos += n;
    }
  }
}
