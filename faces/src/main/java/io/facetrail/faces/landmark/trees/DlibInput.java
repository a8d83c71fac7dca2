package io.facetrail.faces.landmark.trees;

import io.facetrail.faces.weights.WeightFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads dlib's portable serialisation ({@code dlib/serialize.h}): integers as a control byte (sign
 * in the high bit, byte count in the low four bits) followed by the magnitude in little-endian
 * order; floating-point numbers as a signed integer mantissa then an integer exponent (value =
 * mantissa * 2^exponent); matrices as rows, columns (negated in newer files), then the elements row
 * by row. Buffered by hand: the 68-point model holds about 17 million numbers.
 */
final class DlibInput {
  private static final int INF = 32000;
  private static final int NEG_INF = 32001;
  private static final int NAN = 32002;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int pos;
  private int limit;
  private long consumed;

  DlibInput(InputStream in) {
    this.in = in;
  }

  /** Bytes read so far, for error messages. */
  long offset() {
    return consumed - (limit - pos);
  }

  private int nextByte() throws IOException {
    if (pos == limit) {
      limit = in.read(buffer, 0, buffer.length);
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        throw new EOFException("dlib stream ends at byte " + consumed);
      }
      consumed += limit;
    }
    return buffer[pos++] & 0xff;
  }

  /** A serialised integer of up to 8 bytes. */
  long readLong() throws IOException {
    int control = nextByte();
    int size = control & 0x0f;
    if (size > 8 || (control & 0x70) != 0) {
      throw new WeightFormatException(
          "bad dlib integer control byte 0x"
              + Integer.toHexString(control)
              + " at byte "
              + (offset() - 1));
    }
    long value = 0;
    for (int i = 0; i < size; i++) {
      value |= (long) nextByte() << (8 * i);
    }
    return (control & 0x80) != 0 ? -value : value;
  }

  /** A serialised integer that must fit an int. */
  int readInt() throws IOException {
    long v = readLong();
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new WeightFormatException("dlib integer " + v + " out of range at byte " + offset());
    }
    return (int) v;
  }

  /** A count or index: a non-negative integer no larger than {@code max}. */
  int readCount(int max, String what) throws IOException {
    long v = readLong();
    if (v < 0 || v > max) {
      throw new WeightFormatException(
          what + " is " + v + " at byte " + offset() + ", expected 0.." + max);
    }
    return (int) v;
  }

  /** A serialised floating-point number (dlib's {@code float_details}). */
  float readFloat() throws IOException {
    long mantissa = readLong();
    int exponent = readInt();
    return switch (exponent) {
      case INF -> Float.POSITIVE_INFINITY;
      case NEG_INF -> Float.NEGATIVE_INFINITY;
      case NAN -> Float.NaN;
      default -> (float) Math.scalb((double) mantissa, exponent);
    };
  }

  /**
   * A column vector ({@code matrix<float,0,1>}) of exactly {@code length} elements.
   *
   * @throws WeightFormatException when its declared shape differs
   */
  float[] readColumn(int length, String what) throws IOException {
    long rows = Math.abs(readLong());
    long cols = Math.abs(readLong());
    if (rows != length || cols != 1) {
      throw new WeightFormatException(
          what
              + " is "
              + rows
              + "x"
              + cols
              + " at byte "
              + offset()
              + ", expected "
              + length
              + "x1");
    }
    float[] v = new float[length];
    for (int i = 0; i < length; i++) {
      v[i] = readFloat();
    }
    return v;
  }
}
