package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.image.ImageTooLargeException;
import io.facetrail.faces.image.RgbImage;
import org.junit.jupiter.api.Test;

class CanvasTest {
  @Test
  void padsWithBlack() {
    RgbImage one = new RgbImage(1, 1, new byte[] {1, 2, 3});
    RgbImage padded = Canvas.pad(one, 1);
    assertThat(padded.width()).isEqualTo(3);
    assertThat(padded.at(1, 1, 2)).isEqualTo(3);
    assertThat(padded.at(0, 0, 0)).isZero();
  }

  @Test
  void aCanvasTooLargeForOneArrayIsRefusedNotOverflowed() {
    // As a 20000x20000 photo's canvas at 0.75 padding per side: 50000 x 50000 x 3 bytes, which
    // overflowed int into a NegativeArraySizeException.
    RgbImage small = new RgbImage(2, 2, new byte[12]);
    assertThatThrownBy(() -> Canvas.pad(small, 25_000))
        .isInstanceOf(ImageTooLargeException.class)
        .hasMessageContaining("50002x50002");
  }
}
