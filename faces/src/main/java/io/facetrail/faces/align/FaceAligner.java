package io.facetrail.faces.align;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Cuts aligned face chips from an image given each face's 68 landmarks. Stateless and thread-safe.
 */
public final class FaceAligner {
  /** Chip side the recognition network expects. */
  public static final int CHIP_SIZE = 150;

  /**
   * Raised whenever the chips cut from the same landmarks change, so that caches of chips or of
   * their embeddings (evaluation, training) are not reused across revisions. 2: dlib's fit
   * direction for {@link AlignmentMethod#DLIB_33} and {@link AlignmentMethod#DLIB_CHIP}.
   */
  public static final int CHIP_REVISION = 2;

  /** dlib's padding for 150-pixel recognition chips. */
  public static final double DLIB_PADDING = 0.25;

  private static final int[] DLIB_POINTS = FaceTemplate.dlibPoints();

  private final AlignmentMethod method;
  private final double[] template;

  public FaceAligner(AlignmentMethod method) {
    this(method, DLIB_PADDING);
  }

  /**
   * @param padding border around the template face, as a fraction of its size (dlib: 0.25)
   */
  public FaceAligner(AlignmentMethod method, double padding) {
    this.method = method;
    this.template =
        method == AlignmentMethod.UNROTATED_BOX ? new double[0] : template(method, padding);
  }

  public AlignmentMethod method() {
    return method;
  }

  /**
   * One chip per landmark set, in order. Similarity-aligned chips are 150x150; {@link
   * AlignmentMethod#UNROTATED_BOX} crops keep their size (the embedder pads and resizes them).
   *
   * @param landmarks per face 136 values (x0, y0, ...) in the image's pixels
   */
  public List<RgbImage> align(RgbImage image, List<float[]> landmarks) {
    List<RgbImage> chips = new ArrayList<>(landmarks.size());
    if (method == AlignmentMethod.UNROTATED_BOX) {
      for (float[] lm : landmarks) {
        chips.add(UnrotatedCrop.cut(image, lm));
      }
      return chips;
    }
    try (BytePointer pixels = new BytePointer(image.rgb());
        Mat src = new Mat(image.height(), image.width(), CV_8UC3, pixels)) {
      for (float[] lm : landmarks) {
        chips.add(cut(image, src, transform(lm)));
      }
    }
    return chips;
  }

  /**
   * Jittered chips of one face for test-time augmentation: each move (see {@link ChipJitter}) is
   * applied to the chip's transform, so every chip is sampled once from the image itself rather
   * than resampled from the aligned chip as dlib does.
   *
   * @throws IllegalArgumentException for {@link AlignmentMethod#UNROTATED_BOX}, which has no
   *     transform to jitter
   */
  public List<RgbImage> jittered(RgbImage image, float[] landmarks, List<ChipJitter.Move> moves) {
    if (method == AlignmentMethod.UNROTATED_BOX) {
      throw new IllegalArgumentException("the unrotated box crop cannot be jittered");
    }
    SimilarityTransform t = transform(landmarks);
    List<RgbImage> chips = new ArrayList<>(moves.size());
    try (BytePointer pixels = new BytePointer(image.rgb());
        Mat src = new Mat(image.height(), image.width(), CV_8UC3, pixels)) {
      for (ChipJitter.Move m : moves) {
        RgbImage chip = cut(image, src, t.then(m.chipToJittered()));
        chips.add(m.mirrored() ? chip.mirrored() : chip);
      }
    }
    return chips;
  }

  private RgbImage cut(RgbImage image, Mat src, SimilarityTransform t) {
    boolean dlib = method == AlignmentMethod.DLIB_CHIP;
    return dlib && t.scale() >= 0.5
        ? DlibChip.sample(image, DlibChip.mapping(t.inverse(), CHIP_SIZE), CHIP_SIZE)
        : warp(src, t, dlib);
  }

  /**
   * The image-to-chip transform for one face's landmarks. dlib's chips (and so the recognition
   * network's training chips) fit the template onto the landmarks (chip to image) and invert that:
   * a least-squares fit is not symmetric, and the reverse fit scales a face that matches the
   * template poorly (a wide smile, a turned head) by a few per cent more.
   */
  public SimilarityTransform transform(float[] landmarks) {
    double[] from = select(landmarks, method);
    if (method.dlibTemplate()) {
      return SimilarityTransform.fit(template, from).inverse();
    }
    return SimilarityTransform.fit(from, template);
  }

  private static RgbImage warp(Mat src, SimilarityTransform t, boolean dlibSampling) {
    Mat source = src;
    Mat shrunk = null;
    double scale = t.scale();
    try {
      if (scale < 0.5) {
        // Bilinear sampling of a strongly shrunk face aliases: shrink its region by area
        // averaging first, so the warp itself scales by no less than 1/2.
        Rect roi = footprint(t, src.cols(), src.rows());
        double f = 2 * scale;
        int w = Math.max(1, (int) Math.round(roi.width() * f));
        int h = Math.max(1, (int) Math.round(roi.height() * f));
        shrunk = new Mat();
        try (Mat region = new Mat(src, roi)) {
          resize(region, shrunk, new Size(w, h), 0, 0, INTER_AREA);
        }
        double fx = w / (double) roi.width();
        t =
            new SimilarityTransform(
                t.a() / fx, t.b() / fx, t.applyX(roi.x(), roi.y()), t.applyY(roi.x(), roi.y()));
        source = shrunk;
      }
      if (dlibSampling) {
        // Only reached for a shrunk region (dlib would sample a level of its image pyramid).
        byte[] pixels = new byte[source.cols() * source.rows() * 3];
        source.data().get(pixels);
        RgbImage region = new RgbImage(source.cols(), source.rows(), pixels);
        return DlibChip.sample(region, DlibChip.mapping(t.inverse(), CHIP_SIZE), CHIP_SIZE);
      }
      try (DoublePointer m = new DoublePointer(t.toAffine());
          Mat affine = new Mat(2, 3, CV_64FC1, m);
          Mat chip = new Mat()) {
        warpAffine(
            source,
            chip,
            affine,
            new Size(CHIP_SIZE, CHIP_SIZE),
            INTER_LINEAR,
            BORDER_CONSTANT,
            new Scalar(0, 0, 0, 0));
        byte[] out = new byte[CHIP_SIZE * CHIP_SIZE * 3];
        chip.data().get(out);
        return new RgbImage(CHIP_SIZE, CHIP_SIZE, out);
      }
    } finally {
      if (shrunk != null) {
        shrunk.close();
      }
    }
  }

  /** The image rectangle the chip covers, clipped to the image (at least 1x1). */
  private static Rect footprint(SimilarityTransform t, int width, int height) {
    SimilarityTransform inv = t.inverse();
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (int cy = 0; cy <= CHIP_SIZE; cy += CHIP_SIZE) {
      for (int cx = 0; cx <= CHIP_SIZE; cx += CHIP_SIZE) {
        double x = inv.applyX(cx, cy);
        double y = inv.applyY(cx, cy);
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    }
    int left = (int) Math.max(0, Math.floor(x0));
    int top = (int) Math.max(0, Math.floor(y0));
    int right = (int) Math.min(width, Math.ceil(x1) + 1);
    int bottom = (int) Math.min(height, Math.ceil(y1) + 1);
    if (right <= left || bottom <= top) {
      return new Rect(0, 0, 1, 1);
    }
    return new Rect(left, top, right - left, bottom - top);
  }

  /** The landmark coordinates the method fits, interleaved x, y. */
  static double[] select(float[] lm, AlignmentMethod method) {
    if (method.dlibTemplate()) {
      double[] p = new double[DLIB_POINTS.length * 2];
      for (int i = 0; i < DLIB_POINTS.length; i++) {
        p[2 * i] = lm[2 * DLIB_POINTS[i]];
        p[2 * i + 1] = lm[2 * DLIB_POINTS[i] + 1];
      }
      return p;
    }
    return new double[] {
      mean(lm, 36, 41, 0),
      mean(lm, 36, 41, 1),
      mean(lm, 42, 47, 0),
      mean(lm, 42, 47, 1),
      lm[60],
      lm[61],
      lm[96],
      lm[97],
      lm[108],
      lm[109]
    };
  }

  private static double[] template(AlignmentMethod method, double p) {
    int s = CHIP_SIZE;
    if (method.dlibTemplate()) {
      double[] t = new double[DLIB_POINTS.length * 2];
      for (int i = 0; i < DLIB_POINTS.length; i++) {
        t[2 * i] = FaceTemplate.x(DLIB_POINTS[i], s, p);
        t[2 * i + 1] = FaceTemplate.y(DLIB_POINTS[i], s, p);
      }
      return t;
    }
    double lx = 0;
    double ly = 0;
    double rx = 0;
    double ry = 0;
    for (int i = 0; i < 6; i++) {
      lx += FaceTemplate.x(36 + i, s, p) / 6;
      ly += FaceTemplate.y(36 + i, s, p) / 6;
      rx += FaceTemplate.x(42 + i, s, p) / 6;
      ry += FaceTemplate.y(42 + i, s, p) / 6;
    }
    return new double[] {
      lx,
      ly,
      rx,
      ry,
      FaceTemplate.x(30, s, p),
      FaceTemplate.y(30, s, p),
      FaceTemplate.x(48, s, p),
      FaceTemplate.y(48, s, p),
      FaceTemplate.x(54, s, p),
      FaceTemplate.y(54, s, p)
    };
  }

  static double mean(float[] lm, int first, int last, int axis) {
    double sum = 0;
    for (int i = first; i <= last; i++) {
      sum += lm[2 * i + axis];
    }
    return sum / (last - first + 1);
  }
}
