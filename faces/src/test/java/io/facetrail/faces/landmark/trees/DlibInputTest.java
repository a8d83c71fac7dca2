package io.facetrail.faces.landmark.trees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.weights.WeightFormatException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

/** dlib's integer and floating-point encodings, written out by hand from dlib/serialize.h. */
class DlibInputTest {
  private static DlibInput input(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return new DlibInput(new ByteArrayInputStream(b));
  }

  @Test
  void integersAreSignedMagnitudesInLittleEndianOrder() throws Exception {
    DlibInput in = input(0x00, 0x01, 0x01, 0x81, 0x88, 0x02, 0xf4, 0x01, 0x82, 0x00, 0x01);
    assertThat(in.readLong()).isZero();
    assertThat(in.readLong()).isEqualTo(1);
    assertThat(in.readLong()).isEqualTo(-136);
    assertThat(in.readLong()).isEqualTo(500);
    assertThat(in.readLong()).isEqualTo(-256);
  }

  @Test
  void floatsAreMantissaTimesTwoToTheExponent() throws Exception {
    // dlib shifts zero bytes off the mantissa: 0.5 is stored as 128 * 2^-8, -3 as -192 * 2^-6.
    DlibInput in = input(0x01, 0x80, 0x81, 0x08, 0x81, 0xc0, 0x81, 0x06, 0x00, 0x02, 0x00, 0x7d);
    assertThat(in.readFloat()).isEqualTo(0.5f);
    assertThat(in.readFloat()).isEqualTo(-3f);
    // Exponent 32000 marks infinity.
    assertThat(in.readFloat()).isEqualTo(Float.POSITIVE_INFINITY);
  }

  @Test
  void columnVectorsCheckTheirShape() throws Exception {
    // Newer dlib writes the dimensions negated: -2 x -1; then 0 (0 * 2^0) and 1 (128 * 2^-7).
    assertThat(input(0x81, 0x02, 0x81, 0x01, 0x00, 0x00, 0x01, 0x80, 0x81, 0x07).readColumn(2, "v"))
        .containsExactly(0f, 1f);
    assertThatThrownBy(() -> input(0x81, 0x03, 0x81, 0x01).readColumn(2, "leaf value"))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("leaf value is 3x1");
  }

  @Test
  void aDamagedOrTruncatedStreamFails() {
    assertThatThrownBy(() -> input(0x19, 0x00).readLong())
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("control byte 0x19");
    assertThatThrownBy(() -> input(0x02, 0x01).readLong()).isInstanceOf(EOFException.class);
  }
}
