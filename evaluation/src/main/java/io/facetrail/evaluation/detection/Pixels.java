package io.facetrail.evaluation.detection;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The image operations the generated frames need, on OpenCV (already a dependency of faces); {@code
 * eval quality} degrades LFW photos with the same operations.
 */
public final class Pixels {
  private Pixels() {}

  /** Resized to {@code w x h}: area averaging when shrinking (no aliasing), bilinear otherwise. */
  public static RgbImage resized(RgbImage image, int w, int h) {
    boolean shrink = w < image.width() && h < image.height();
    try (Mat src = Images.toBgr(image);
        Mat dst = new Mat()) {
      resize(src, dst, new Size(w, h), 0, 0, shrink ? INTER_AREA : INTER_LINEAR);
      return Images.fromBgr(dst);
    }
  }

  /** Gaussian blur of standard deviation {@code sigma} pixels. */
  public static RgbImage blurred(RgbImage image, double sigma) {
    try (Mat src = Images.toBgr(image);
        Mat dst = new Mat()) {
      GaussianBlur(src, dst, new Size(0, 0), sigma);
      return Images.fromBgr(dst);
    }
  }

  /** JPEG bytes at {@code quality} (1..100). */
  public static byte[] jpeg(RgbImage image, int quality) {
    try (Mat bgr = Images.toBgr(image);
        BytePointer out = new BytePointer();
        IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
      if (!imencode(".jpg", bgr, out, params)) {
        throw new IllegalStateException("OpenCV could not encode a JPEG of " + image);
      }
      byte[] bytes = new byte[(int) out.limit()];
      out.get(bytes);
      return bytes;
    }
  }

  /** The image after a JPEG round trip at {@code quality}: its block and ringing artefacts. */
  public static RgbImage compressed(RgbImage image, int quality) {
    return Images.decode(jpeg(image, quality));
  }

  /**
   * Dim, warm light as in a theatre audience: every channel scaled by {@code gain} (red kept, green
   * and blue reduced more), a gamma that darkens mid-tones, and sensor noise of {@code noise} grey
   * levels.
   */
  public static RgbImage dimmed(RgbImage image, double gain, double noise, java.util.Random rng) {
    double[] channel = {1.0, 0.82, 0.62};
    byte[] in = image.rgb();
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      double v = (in[i] & 0xff) / 255.0;
      v = Math.pow(v, 1.25) * gain * channel[i % 3] * 255.0 + rng.nextGaussian() * noise;
      out[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }
    return new RgbImage(image.width(), image.height(), out);
  }
}
