package io.facetrail.ingest.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes test videos with JavaCV's FFmpeg encoder (MPEG-4 Part 2, which the LGPL FFmpeg build
 * encodes): a moving square and the frame number on a gradient, so consecutive frames differ.
 */
public final class GeneratedVideo {
  private GeneratedVideo() {}

  /**
   * @param container FFmpeg format name: {@code mp4}, {@code mpegts}, {@code matroska}...
   * @param gop key frame interval in frames
   */
  public static Path write(
      Path file, String container, int frames, double fps, int width, int height, int gop)
      throws Exception {
    return write(file, container, frames, fps, width, height, gop, i -> picture(i, width, height));
  }

  /**
   * A video of two unrelated views joined by a hard cut: {@link #picture} up to frame {@code
   * cutAt}, then {@link #otherView}.
   */
  public static Path writeWithCut(Path file, int frames, int cutAt, int width, int height)
      throws Exception {
    return write(
        file,
        "mp4",
        frames,
        25,
        width,
        height,
        12,
        i -> i < cutAt ? picture(i, width, height) : otherView(i, width, height));
  }

  private static Path write(
      Path file,
      String container,
      int frames,
      double fps,
      int width,
      int height,
      int gop,
      IntFunction<BufferedImage> pictures)
      throws Exception {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat(container);
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(fps);
      recorder.setGopSize(gop);
      recorder.setVideoQuality(4);
      if (container.equals("hls") || container.equals("mpegts")) {
        // Segmented and streamed formats need the codec headers in-band, in every segment.
        recorder.setVideoOption("flags", "-global_header");
      }
      recorder.start();
      for (int i = 0; i < frames; i++) {
        Frame frame = converter.convert(pictures.apply(i));
        recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
      }
      recorder.stop();
    }
    return file;
  }

  /** Frame {@code i} of a view unlike {@link #picture}: bars and a disc moving to the left. */
  public static BufferedImage otherView(int i, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(new Color(30, 30, 40));
      g.fillRect(0, 0, width, height);
      for (int x = 0, k = 0; x < width; x += 12 + (k * 7) % 23, k++) {
        g.setColor(new Color(200 - (k * 37) % 120, 180, 60 + (k * 53) % 150));
        g.fillRect(x, 0, 6, height);
      }
      int r = Math.max(6, height / 6);
      g.setColor(Color.WHITE);
      // Moves steadily without wrapping around: an object jumping across the frame is, to a shot
      // detector, no different from a cut.
      g.fillOval(width - r * 3 - Math.min(i * 2, width / 2), height / 2, 2 * r, 2 * r);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Frame {@code i} of a generated video. */
  public static BufferedImage picture(int i, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    try {
      for (int y = 0; y < height; y += 4) {
        g.setColor(new Color((y * 255) / height, 80, 255 - (y * 255) / height));
        g.fillRect(0, y, width, 4);
      }
      int side = Math.max(8, height / 4);
      int x = (i * 7) % Math.max(1, width - side);
      g.setColor(Color.YELLOW);
      g.fillRect(x, height / 3, side, side);
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 8)));
      g.drawString(Integer.toString(i), 8, height - 8);
    } finally {
      g.dispose();
    }
    return img;
  }
}
