package io.facetrail.evaluation.shots;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Picture operations of the generated shots: crop and scale, gain, blend, flash. */
final class Pictures {
  private Pictures() {}

  static BufferedImage scaled(BufferedImage in, int width) {
    int height = Math.max(1, Math.round((float) in.getHeight() * width / in.getWidth()));
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(in, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The region (x, y, w, h) of {@code in}, scaled to {@code width} x {@code height}. */
  static BufferedImage crop(
      BufferedImage in, double x, double y, double w, double h, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.scale(width / w, height / h);
      g.translate(-x, -y);
      g.drawImage(in, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Every channel times {@code gain} plus {@code offset}, clipped: dim light, a flash, a fade. */
  static BufferedImage gain(BufferedImage in, double gain, double offset) {
    BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), in.getType());
    byte[] src = bytes(in);
    byte[] dst = bytes(out);
    for (int i = 0; i < src.length; i++) {
      dst[i] = (byte) Math.max(0, Math.min(255, (int) Math.round((src[i] & 0xff) * gain + offset)));
    }
    return out;
  }

  /** {@code (1 - alpha) * a + alpha * b}: a dissolve. */
  static BufferedImage blend(BufferedImage a, BufferedImage b, double alpha) {
    BufferedImage out = new BufferedImage(a.getWidth(), a.getHeight(), a.getType());
    byte[] pa = bytes(a);
    byte[] pb = bytes(b);
    byte[] dst = bytes(out);
    for (int i = 0; i < dst.length; i++) {
      dst[i] = (byte) Math.round((1 - alpha) * (pa[i] & 0xff) + alpha * (pb[i] & 0xff));
    }
    return out;
  }

  private static byte[] bytes(BufferedImage img) {
    return ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
  }
}
