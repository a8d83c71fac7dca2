package io.facetrail.evaluation.shots;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A still collage of real photos (e.g. LFW portraits: an audience, a wall of screens), as a view a
 * camera can pan over. Stills have no motion of their own, which is what a locked-off camera on a
 * seated audience looks like.
 */
final class CollageSource implements ViewSource {
  private final BufferedImage canvas;
  private final String name;

  private CollageSource(BufferedImage canvas, String name) {
    this.canvas = canvas;
    this.name = name;
  }

  /** A 4x3 grid of photos on a 960x540 canvas. */
  static CollageSource of(List<Path> photos, String name) throws Exception {
    BufferedImage canvas = new BufferedImage(960, 540, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = canvas.createGraphics();
    try {
      for (int i = 0; i < 12; i++) {
        BufferedImage photo = ImageIO.read(photos.get(i % photos.size()).toFile());
        if (photo == null) {
          throw new IllegalArgumentException("not an image: " + photos.get(i % photos.size()));
        }
        g.drawImage(photo, (i % 4) * 240, (i / 4) * 180, 240, 180, null);
      }
    } finally {
      g.dispose();
    }
    return new CollageSource(canvas, name);
  }

  @Override
  public BufferedImage picture(int start, int frame) {
    return canvas;
  }

  @Override
  public String name() {
    return name;
  }
}
