package io.facetrail.faces.image;

import java.util.Arrays;

/**
 * The chunk framing of a PNG, checked before OpenCV sees the bytes. OpenCV's PNG reader allocates
 * (and clears) as much memory as a chunk's length field states before it finds the data missing:
 * found by ImagesDecodeFuzzTest, an 89-byte PNG whose IDAT chunk claimed 4294901792 bytes raised
 * the process's peak memory from 59 MB to 4.4 GB and took 7 s to be refused.
 */
final class PngChunks {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** Length, type and CRC fields around each chunk's data. */
  private static final int FRAMING_BYTES = 12;

  private PngChunks() {}

  static boolean isPng(byte[] encoded) {
    return encoded.length >= SIGNATURE.length
        && Arrays.equals(encoded, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
  }

  /**
   * Checks that every chunk up to {@code IEND} fits in the bytes given.
   *
   * @throws ImageDecodeException naming the first chunk that claims more bytes than follow it
   */
  static void check(byte[] png) {
    int at = SIGNATURE.length;
    while (at + 8 <= png.length) {
      long length = Integer.toUnsignedLong(readInt(png, at));
      String type = type(png, at + 4);
      long end = at + FRAMING_BYTES + length;
      if (end > png.length) {
        throw new ImageDecodeException(
            "PNG chunk "
                + type
                + " at byte "
                + at
                + " states "
                + length
                + " bytes of data, but the file ends "
                + Math.max(0, png.length - at - FRAMING_BYTES)
                + " bytes later: truncated or corrupt");
      }
      if (type.equals("IEND")) {
        return;
      }
      at = (int) end;
    }
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | b[at + 3] & 0xff;
  }

  /** The chunk type as letters; other bytes (a corrupt type) as '?'. */
  private static String type(byte[] b, int at) {
    StringBuilder sb = new StringBuilder(4);
    for (int i = at; i < at + 4; i++) {
      char c = (char) (b[i] & 0xff);
      sb.append(Character.isLetter(c) && c < 128 ? c : '?');
    }
    return sb.toString();
  }
}
