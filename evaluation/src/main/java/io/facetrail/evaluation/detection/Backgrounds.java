package io.facetrail.evaluation.detection;

import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Backgrounds of the generated frames: views of real video (a random crop of a random frame, at 1
 * to 3 times the frame's size, shrunk to it, sometimes mirrored), and generated clutter (colour
 * gradients, shapes and noise) for scenes unlike the clips.
 */
final class Backgrounds {
  private Backgrounds() {}

  /**
   * {@code count} backgrounds of {@code w x h}: from the clips when any are given (one in five
   * generated), else all generated.
   */
  static List<RgbImage> make(List<Path> clips, int count, int w, int h, Random rng) {
    List<RgbImage> frames = new ArrayList<>();
    for (Path clip : clips) {
      frames.addAll(sampleFrames(clip, Math.max(4, count / Math.max(1, clips.size())), rng));
    }
    List<RgbImage> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean generated = frames.isEmpty() || i % 5 == 4;
      out.add(
          generated ? clutter(w, h, rng) : view(frames.get(rng.nextInt(frames.size())), w, h, rng));
    }
    return out;
  }

  private static RgbImage view(RgbImage frame, int w, int h, Random rng) {
    double scale = 1 + 2 * rng.nextDouble();
    int cw = (int) Math.min(frame.width(), Math.round(w * scale));
    int ch = (int) Math.min(frame.height(), Math.round(cw * (double) h / w));
    cw = (int) Math.round(ch * (double) w / h);
    int x = rng.nextInt(frame.width() - cw + 1);
    int y = rng.nextInt(frame.height() - ch + 1);
    RgbImage crop = Pixels.resized(frame.crop(x, y, cw, ch), w, h);
    return rng.nextBoolean() ? crop.mirrored() : crop;
  }

  /** Smooth colour gradient with rectangles, ellipses and fine noise: edges without faces. */
  static RgbImage clutter(int w, int h, Random rng) {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
    java.awt.Graphics2D g = img.createGraphics();
    g.setPaint(new java.awt.GradientPaint(0, 0, randomColour(rng), w, h, randomColour(rng)));
    g.fillRect(0, 0, w, h);
    for (int i = 0; i < 25; i++) {
      g.setColor(randomColour(rng));
      int sw = 10 + rng.nextInt(w / 3);
      int sh = 10 + rng.nextInt(h / 3);
      if (rng.nextBoolean()) {
        g.fillRect(rng.nextInt(w), rng.nextInt(h), sw, sh);
      } else {
        g.fillOval(rng.nextInt(w), rng.nextInt(h), sw, sh);
      }
    }
    g.dispose();
    byte[] bgr = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
    byte[] rgb = new byte[bgr.length];
    for (int i = 0; i < bgr.length; i += 3) {
      for (int c = 0; c < 3; c++) {
        int v = (bgr[i + 2 - c] & 0xff) + (int) Math.round(rng.nextGaussian() * 4);
        rgb[i + c] = (byte) Math.max(0, Math.min(255, v));
      }
    }
    return new RgbImage(w, h, rgb);
  }

  private static java.awt.Color randomColour(Random rng) {
    return new java.awt.Color(rng.nextInt(256), rng.nextInt(256), rng.nextInt(256));
  }

  /** About {@code n} frames spread over the clip, at random offsets. */
  private static List<RgbImage> sampleFrames(Path clip, int n, Random rng) {
    List<RgbImage> out = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
      grabber.start();
      int total = Math.max(1, grabber.getLengthInVideoFrames());
      int step = Math.max(1, total / n);
      int next = rng.nextInt(step);
      int index = 0;
      Frame frame;
      while ((frame = grabber.grabImage()) != null && out.size() < n) {
        if (index == next) {
          Mat mat = converter.convert(frame);
          out.add(Images.fromBgr(mat));
          next += step;
        }
        index++;
      }
      grabber.stop();
    } catch (FrameGrabber.Exception e) {
      throw new IllegalArgumentException("cannot decode " + clip + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no frames decoded from " + clip);
    }
    return out;
  }
}
