package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A contact sheet of evaluated images: ground-truth faces green when the variant found them, red
 * when it missed them; the variant's detections in yellow; ignored regions (faces the background
 * already had) in grey. One look shows what the numbers count.
 */
final class ExampleSheet {
  private ExampleSheet() {}

  /** One image of the sheet and what to draw on it. */
  record Tile(
      Path jpeg,
      List<FaceBox> truth,
      boolean[] found,
      List<Detection> detections,
      List<FaceBox> ignore) {}

  static void write(Path png, List<Tile> tiles, int columns, int tileWidth) {
    if (tiles.isEmpty()) {
      return;
    }
    try {
      BufferedImage first = ImageIO.read(tiles.get(0).jpeg().toFile());
      double scale = tileWidth / (double) first.getWidth();
      int tileHeight = (int) Math.round(first.getHeight() * scale);
      int rows = (tiles.size() + columns - 1) / columns;
      BufferedImage sheet =
          new BufferedImage(columns * tileWidth, rows * tileHeight, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = sheet.createGraphics();
      for (int i = 0; i < tiles.size(); i++) {
        Tile t = tiles.get(i);
        int ox = (i % columns) * tileWidth;
        int oy = (i / columns) * tileHeight;
        g.drawImage(ImageIO.read(t.jpeg().toFile()), ox, oy, tileWidth, tileHeight, null);
        g.setStroke(new BasicStroke(2f));
        g.setColor(Color.GRAY);
        t.ignore().forEach(b -> draw(g, b, scale, ox, oy));
        g.setColor(Color.YELLOW);
        t.detections().forEach(d -> draw(g, d.box(), scale, ox, oy));
        for (int k = 0; k < t.truth().size(); k++) {
          g.setColor(t.found()[k] ? Color.GREEN : Color.RED);
          draw(g, t.truth().get(k), scale, ox, oy);
        }
      }
      g.dispose();
      ImageIO.write(sheet, "png", png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the example sheet " + png, e);
    }
  }

  private static void draw(Graphics2D g, FaceBox b, double s, int ox, int oy) {
    g.drawRect(
        ox + (int) Math.round(b.x() * s),
        oy + (int) Math.round(b.y() * s),
        (int) Math.round(b.width() * s),
        (int) Math.round(b.height() * s));
  }
}
