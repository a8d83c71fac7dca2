package io.facetrail.faces.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImagesTest {
  @Test
  void aPhotoOverThePixelLimitIsRefusedFromItsHeaderBeforeDecoding() {
    // The header states 20000x20000: decoding it would allocate 1.2 GB before any check.
    byte[] huge = PngBytes.claiming(20_000, 20_000);
    assertThat(huge.length).isLessThan(1_000);
    assertThatThrownBy(() -> Images.decode(huge))
        .isInstanceOf(ImageTooLargeException.class)
        .hasMessageContaining("20000x20000")
        .hasMessageContaining("400.0 megapixels")
        .hasMessageContaining("limit of 40000000 pixels");
  }

  @Test
  void theLimitIsTheCallersAndAnImageWithinItDecodes() {
    byte[] png = PngBytes.real(100, 60);
    RgbImage image = Images.decode(png, new PixelLimit(6_000));
    assertThat(image.width()).isEqualTo(100);
    assertThat(image.height()).isEqualTo(60);
    assertThatThrownBy(() -> Images.decode(png, new PixelLimit(5_999)))
        .isInstanceOf(ImageTooLargeException.class)
        .hasMessageContaining("100x60");
  }

  @Test
  void theHeaderIsReadWithoutDecoding() {
    assertThat(ImageSize.of(PngBytes.claiming(70_000, 3))).contains(new ImageSize(70_000, 3));
    assertThat(new ImageSize(70_000, 70_000).pixels()).isEqualTo(4_900_000_000L);
    assertThat(ImageSize.of("GIF? no, text".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }

  @Test
  void bytesWhoseSizeCannotBeReadAreRefusedNotDecodedUnchecked() {
    assertThatThrownBy(() -> Images.decode("hello".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(ImageDecodeException.class)
        .isNotInstanceOf(ImageTooLargeException.class)
        .hasMessageContaining("not a JPEG, PNG");
    assertThatThrownBy(() -> Images.decode(new byte[0])).hasMessageContaining("0 bytes");
  }

  @Test
  void rasterSizesAreComputedWithoutOverflow() {
    assertThat(RgbImage.byteCount(1920, 1080)).isEqualTo(1920 * 1080 * 3);
    // 50000 x 50000 x 3 is 7.5e9: in int arithmetic it wrapped to a negative array size.
    assertThatThrownBy(() -> RgbImage.byteCount(50_000, 50_000))
        .isInstanceOf(ImageTooLargeException.class)
        .hasMessageContaining("7500000000 bytes");
    assertThatThrownBy(() -> new PixelLimit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PixelLimit(PixelLimit.CEILING + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
