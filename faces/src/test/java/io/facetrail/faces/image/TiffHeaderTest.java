package io.facetrail.faces.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class TiffHeaderTest {
  /** A classic TIFF with one directory per size: width and height tags only (enough to read). */
  static byte[] tiff(ByteOrder order, int[][] directories) {
    ByteBuffer b = ByteBuffer.allocate(8 + directories.length * (2 + 2 * 12 + 4)).order(order);
    b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
    b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
    b.putShort((short) 42).putInt(8);
    for (int d = 0; d < directories.length; d++) {
      b.putShort((short) 2);
      b.putShort((short) 256).putShort((short) 4).putInt(1).putInt(directories[d][0]);
      b.putShort((short) 257).putShort((short) 4).putInt(1).putInt(directories[d][1]);
      b.putInt(d == directories.length - 1 ? 0 : b.position() + 4);
    }
    return b.array();
  }

  @Test
  void theLargestSizeOfEveryDirectoryIsWhatIsChecked() {
    assertThat(TiffHeader.largest(tiff(ByteOrder.BIG_ENDIAN, new int[][] {{640, 480}})))
        .contains(new ImageSize(640, 480));
    assertThat(
            TiffHeader.largest(
                tiff(ByteOrder.LITTLE_ENDIAN, new int[][] {{64, 48}, {20000, 30}, {10, 20000}})))
        .contains(new ImageSize(20000, 20000));
  }

  @Test
  void aDirectoryStatingItsWidthTwiceDifferentlyIsRefused() throws Exception {
    byte[] found;
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "ImagesDecodeFuzzTestInputs/decodesWithinTheLimitOrRefuses/tiff-with-two-sizes")) {
      found = in.readAllBytes();
    }
    assertThatThrownBy(() -> TiffHeader.largest(found))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining("contradictory");
    assertThatThrownBy(() -> Images.decode(found))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining("contradictory");
  }

  @Test
  void directoriesPointingOutsideTheFileAreRefused() {
    byte[] t = tiff(ByteOrder.LITTLE_ENDIAN, new int[][] {{64, 48}});
    ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 10_000);
    assertThatThrownBy(() -> TiffHeader.largest(t)).isInstanceOf(ImageDecodeException.class);
    assertThat(TiffHeader.largest(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0})).isEmpty();
  }
}
