package io.facetrail.evaluation.shots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Pictures of the errors: for each frame index, a strip of the five decoded frames around it (two
 * before, the frame, two after), so a false or missed boundary can be seen rather than guessed.
 */
final class ContactSheet {
  private static final int THUMB_W = 192;
  private static final int THUMB_H = 108;

  private ContactSheet() {}

  /** Writes {@code out} with one labelled strip per index; nothing when the list is empty. */
  static void write(Path video, List<Long> indices, String label, Path out) throws Exception {
    if (indices.isEmpty()) {
      return;
    }
    TreeMap<Long, BufferedImage> wanted = new TreeMap<>();
    for (long i : indices) {
      for (long k = i - 2; k <= i + 2; k++) {
        if (k >= 0) {
          wanted.put(k, null);
        }
      }
    }
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      long index = 0;
      Frame f;
      while (index <= wanted.lastKey() && (f = grabber.grabImage()) != null) {
        if (wanted.containsKey(index)) {
          wanted.put(index, Pictures.scaled(converter.convert(f), THUMB_W));
        }
        index++;
      }
      grabber.stop();
    }
    BufferedImage sheet =
        new BufferedImage(
            5 * THUMB_W, indices.size() * (THUMB_H + 18), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      for (int row = 0; row < indices.size(); row++) {
        long centre = indices.get(row);
        int y = row * (THUMB_H + 18);
        for (int col = 0; col < 5; col++) {
          long k = centre - 2 + col;
          BufferedImage thumb = k >= 0 ? wanted.get(k) : null;
          if (thumb != null) {
            g.drawImage(thumb, col * THUMB_W, y + 18, THUMB_W, THUMB_H, null);
          }
          g.setColor(k == centre ? Color.ORANGE : Color.LIGHT_GRAY);
          g.drawString((k == centre ? label + " " : "") + "frame " + k, col * THUMB_W + 4, y + 13);
        }
      }
    } finally {
      g.dispose();
    }
    ImageIO.write(sheet, "png", out.toFile());
  }
}
