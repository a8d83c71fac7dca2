package io.facetrail.faces.image;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Small JPEG thumbnails of faces (face data: store them only where retention rules allow). */
public final class Thumbnails {
  private Thumbnails() {}

  /**
   * A JPEG of the region {@code (x, y, w, h)} enlarged by {@code margin} of its size on each side,
   * clipped to the image, scaled down so its longer side is at most {@code maxSide}.
   *
   * @param quality JPEG quality 1..100
   */
  public static byte[] jpeg(
      RgbImage image, float x, float y, float w, float h, float margin, int maxSide, int quality) {
    if (maxSide < 1 || quality < 1 || quality > 100) {
      throw new IllegalArgumentException(
          "maxSide must be positive and quality in 1..100, got " + maxSide + ", " + quality);
    }
    int x0 = clamp((int) Math.floor(x - margin * w), image.width() - 1);
    int y0 = clamp((int) Math.floor(y - margin * h), image.height() - 1);
    int x1 = clamp((int) Math.ceil(x + w + margin * w), image.width());
    int y1 = clamp((int) Math.ceil(y + h + margin * h), image.height());
    RgbImage crop = image.crop(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    double s = Math.min(1.0, maxSide / (double) Math.max(crop.width(), crop.height()));
    try (Mat bgr = Images.toBgr(crop);
        Mat small = new Mat();
        BytePointer out = new BytePointer();
        IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
      int tw = Math.max(1, (int) Math.round(crop.width() * s));
      int th = Math.max(1, (int) Math.round(crop.height() * s));
      resize(bgr, small, new Size(tw, th), 0, 0, INTER_AREA);
      if (!imencode(".jpg", small, out, params)) {
        throw new IllegalStateException("OpenCV could not encode a " + tw + "x" + th + " JPEG");
      }
      byte[] bytes = new byte[(int) out.limit()];
      out.get(bytes);
      return bytes;
    }
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(v, max));
  }
}
