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

  @Test
  void aGifIsCheckedByItsScreenNotOnlyItsFirstFrame() {
    // A 4x3 frame on a 10000x10000 screen: ImageIO states 4x3, OpenCV decodes the whole screen.
    byte[] gif = PngBytes.gif(4, 3);
    gif[6] = 0x10;
    gif[7] = 0x27;
    gif[8] = 0x10;
    gif[9] = 0x27;
    assertThat(ImageSize.of(gif)).contains(new ImageSize(10_000, 10_000));
    assertThatThrownBy(() -> Images.decode(gif))
        .isInstanceOf(ImageTooLargeException.class)
        .hasMessageContaining("10000x10000");
    assertThat(Images.decode(PngBytes.gif(4, 3)).width()).isEqualTo(4);
  }

  @Test
  void aPngChunkLongerThanTheFileIsRefusedBeforeOpenCvAllocatesIt() {
    byte[] png = PngBytes.real(5, 4);
    // The IDAT chunk follows the signature (8 bytes) and IHDR (25): its length now says ~4 GB.
    assertThat(new String(png, 37, 4, StandardCharsets.US_ASCII)).isEqualTo("IDAT");
    png[33] = (byte) 0xff;
    png[34] = (byte) 0xff;
    // Refused by the chunk check (OpenCV took 4.4 GB and 7 s to refuse it).
    assertThatThrownBy(() -> Images.decode(png))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining("PNG chunk IDAT at byte 33 states")
        .hasMessageContaining("truncated or corrupt");
    assertThat(Images.decode(PngBytes.real(5, 4)).height()).isEqualTo(4);
  }
}
