package io.facetrail.faces.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Conversions between encoded bytes, OpenCV {@code Mat}s (BGR, as OpenCV and JavaCV decode) and
 * {@link RgbImage}.
 */
public final class Images {
  private Images() {}

  /**
   * Decodes a JPEG, PNG, BMP, GIF or TIFF image of at most {@link PixelLimit#DEFAULT_MAX_PIXELS}.
   *
   * @throws ImageDecodeException when the bytes are not a decodable image
   * @throws ImageTooLargeException when the header states more pixels than the limit
   */
  public static RgbImage decode(byte[] encoded) {
    return decode(encoded, PixelLimit.defaults());
  }

  /**
   * Decodes a JPEG, PNG, BMP, GIF or TIFF image, after checking the size its header states against
   * {@code limit}: nothing is allocated for an image over it. Formats whose header FaceTrail cannot
   * read are refused rather than decoded unchecked.
   *
   * @throws ImageDecodeException when the bytes are not a decodable image
   * @throws ImageTooLargeException when the header states more pixels than the limit
   */
  public static RgbImage decode(byte[] encoded, PixelLimit limit) {
    if (encoded == null || encoded.length == 0) {
      throw new ImageDecodeException("empty image: 0 bytes");
    }
    ImageSize size =
        ImageSize.of(encoded)
            .orElseThrow(
                () ->
                    new ImageDecodeException(
                        "not a JPEG, PNG, BMP, GIF or TIFF image ("
                            + encoded.length
                            + " bytes, starting "
                            + String.format(
                                "%02x %02x", encoded[0], encoded.length > 1 ? encoded[1] : 0)
                            + ")"));
    limit.check(size);
    if (PngChunks.isPng(encoded)) {
      PngChunks.check(encoded);
    }
    try (BytePointer data = new BytePointer(encoded);
        Mat buf = new Mat(1, encoded.length, CV_8UC1, data);
        Mat bgr = imdecode(buf, IMREAD_COLOR)) {
      if (bgr == null || bgr.empty()) {
        throw new ImageDecodeException(
            "not a decodable image ("
                + encoded.length
                + " bytes, starting "
                + String.format("%02x %02x", encoded[0], encoded.length > 1 ? encoded[1] : 0)
                + "): truncated, corrupt or of an unsupported format");
      }
      // The header check reads the size with Java's ImageIO; OpenCV's decoders may read another
      // from a contradictory header (a TIFF with 5x5 for ImageIO and 6x5 for libtiff was found by
      // fuzzing). What is returned never exceeds what was checked.
      if ((long) bgr.cols() * bgr.rows() > (long) size.width() * size.height()) {
        throw new ImageDecodeException(
            "the decoded image ("
                + bgr.cols()
                + "x"
                + bgr.rows()
                + ") is larger than its header states ("
                + size.width()
                + "x"
                + size.height()
                + "): contradictory header");
      }
      return fromBgr(bgr);
    }
  }

  /**
   * Converts an 8-bit BGR (3 channel) or grey (1 channel) {@code Mat}, as OpenCV and JavaCV produce
   * them, into an RGB image.
   */
  public static RgbImage fromBgr(Mat mat) {
    if (mat.empty()) {
      throw new ImageDecodeException("empty Mat");
    }
    int type = mat.type();
    if (type != CV_8UC3 && type != CV_8UC1) {
      throw new ImageDecodeException(
          "unsupported Mat type " + type + ": expected 8-bit BGR (CV_8UC3) or grey (CV_8UC1)");
    }
    try (Mat rgb = new Mat()) {
      cvtColor(mat, rgb, type == CV_8UC3 ? COLOR_BGR2RGB : COLOR_GRAY2RGB);
      byte[] out = new byte[RgbImage.byteCount(rgb.cols(), rgb.rows())];
      // cvtColor allocates a continuous Mat, so one bulk copy reads every row.
      rgb.data().get(out);
      return new RgbImage(rgb.cols(), rgb.rows(), out);
    }
  }

  /** A new BGR {@code Mat} holding the image (the caller closes it). */
  public static Mat toBgr(RgbImage image) {
    try (Mat rgb = new Mat(image.height(), image.width(), CV_8UC3)) {
      rgb.data().put(image.rgb());
      Mat bgr = new Mat();
      cvtColor(rgb, bgr, COLOR_RGB2BGR);
      return bgr;
    }
  }
}
