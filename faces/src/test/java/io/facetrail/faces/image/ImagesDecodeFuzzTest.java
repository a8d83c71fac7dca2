package io.facetrail.faces.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes as a photo or a frame, decoded the way {@code FacePipeline.decode} decodes them
 * (within {@code faces.maxImagePixels}): either an image no larger than the limit, whose size is
 * the size the header check saw, or {@link ImageDecodeException} ({@link ImageTooLargeException}
 * for an image over the limit). A decoder that allocated more than the checked size, a native crash
 * or any other exception is a finding. Seeds ({@code ImagesDecodeFuzzTestInputs}): small JPEG, PNG,
 * GIF, BMP and TIFF images and headers that claim huge sizes.
 */
class ImagesDecodeFuzzTest {
  /** Small, so that a decode is cheap and an image over it is easy for the fuzzer to make. */
  private static final PixelLimit LIMIT = new PixelLimit(1_000_000);

  @Timeout(10)
  @FuzzTest
  void decodesWithinTheLimitOrRefuses(byte[] encoded) {
    RgbImage image;
    try {
      image = Images.decode(encoded, LIMIT);
    } catch (ImageDecodeException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    ImageSize checked = ImageSize.of(encoded).orElseThrow();
    ImageSize decoded = new ImageSize(image.width(), image.height());
    assertThat(checked.pixels()).isLessThanOrEqualTo(LIMIT.maxPixels());
    // Equal, or turned by the JPEG's orientation tag: never more pixels than were checked.
    assertThat(decoded.pixels())
        .as("decoded %s, checked %s", decoded, checked)
        .isLessThanOrEqualTo(checked.pixels());
    assertThat(image.rgb()).hasSize(RgbImage.byteCount(image.width(), image.height()));
  }
}
