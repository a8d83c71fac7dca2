package io.facetrail.app.report.video;

import io.facetrail.app.report.MediaTimeFormat;
import io.facetrail.app.report.TrackBox;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * Draws one frame's boxes with Java2D: solid on analysed frames, dashed where interpolated, dotted
 * where held; each box labelled with the track's name (or "unknown") and track number, and the
 * frame's media time in a corner.
 */
final class FrameOverlay {
  /**
   * How one track is drawn.
   *
   * @param label e.g. {@code Colin Powell · t3}
   * @param colour the box colour
   */
  record TrackStyle(String label, Color colour) {}

  private static final TrackStyle FALLBACK = new TrackStyle("track", new Color(255, 170, 0));

  private final Map<String, TrackStyle> styles;
  private final Font font;
  private final float line;
  private final Stroke solid;
  private final Stroke dashed;
  private final Stroke dotted;

  FrameOverlay(Map<String, TrackStyle> styles, int frameHeight) {
    this.styles = Map.copyOf(styles);
    this.font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, frameHeight / 40));
    this.line = Math.max(2f, frameHeight / 300f);
    this.solid = new BasicStroke(line);
    this.dashed =
        new BasicStroke(
            line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4 * line}, 0f);
    this.dotted =
        new BasicStroke(
            line,
            BasicStroke.CAP_ROUND,
            BasicStroke.JOIN_ROUND,
            10f,
            new float[] {line, 3 * line},
            0f);
  }

  void draw(BufferedImage image, List<BoxSchedule.Overlay> overlays, long mediaTimeUs) {
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(font);
      for (BoxSchedule.Overlay o : overlays) {
        box(g, o);
      }
      caption(g, MediaTimeFormat.format(mediaTimeUs / 1000.0), 6, image.getHeight() - 6);
    } finally {
      g.dispose();
    }
  }

  private void box(Graphics2D g, BoxSchedule.Overlay o) {
    TrackStyle style = styles.getOrDefault(o.trackId(), FALLBACK);
    TrackBox b = o.box();
    g.setColor(style.colour());
    g.setStroke(
        switch (o.kind()) {
          case OBSERVED -> solid;
          case INTERPOLATED -> dashed;
          case HELD -> dotted;
        });
    int x = Math.round(b.x());
    int y = Math.round(b.y());
    g.drawRect(x, y, Math.round(b.width()), Math.round(b.height()));
    FontMetrics m = g.getFontMetrics();
    int w = m.stringWidth(style.label()) + 8;
    int h = m.getHeight();
    int top = y - h >= 0 ? y - h : y + Math.round(b.height());
    g.fillRect(x - Math.round(line / 2), top, w, h);
    g.setColor(textColourOn(style.colour()));
    g.drawString(style.label(), x + 4 - Math.round(line / 2), top + m.getAscent());
  }

  private static void caption(Graphics2D g, String text, int x, int bottom) {
    FontMetrics m = g.getFontMetrics();
    g.setColor(new Color(0, 0, 0, 150));
    g.fillRect(x - 3, bottom - m.getHeight(), m.stringWidth(text) + 6, m.getHeight());
    g.setColor(Color.WHITE);
    g.drawString(text, x, bottom - m.getDescent());
  }

  /** Black on light colours, white on dark ones (perceived luminance). */
  private static Color textColourOn(Color c) {
    double lum = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    return lum > 150 ? Color.BLACK : Color.WHITE;
  }
}
