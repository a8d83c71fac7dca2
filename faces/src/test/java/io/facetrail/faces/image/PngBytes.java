package io.facetrail.faces.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Image files made by tests: real small ones, and PNGs whose header states any size. */
final class PngBytes {
  private PngBytes() {}

  /** A real, decodable grey PNG. */
  static byte[] real(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A real, decodable GIF (a test of the pixel check shares the PNG's helpers). */
  static byte[] gif(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "gif", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A PNG whose header states {@code width} x {@code height} (8-bit RGB) with only a few rows of
   * data: a decoder that trusted the header would allocate the whole raster first.
   */
  static byte[] claiming(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[1 + 3 * 16]);
    deflater.finish();
    byte[] idat = new byte[256];
    int n = deflater.deflate(idat);
    deflater.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(out, "IHDR", ihdr.array(), 13);
    chunk(out, "IDAT", idat, n);
    chunk(out, "IEND", new byte[0], 0);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
    out.writeBytes(t);
    out.write(data, 0, length);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data, 0, length);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
