package io.facetrail.benchmarks.movie;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A generated video of LFW faces moving over a plain background, each person on screen during a
 * known window, so a run over it has a known answer: the fault suite's default input and the
 * end-to-end tests' videos (MPEG-4 in MP4, decoded by the same FFmpeg as real files).
 */
public final class FaceMovie {
  public static final int WIDTH = 800;
  public static final int HEIGHT = 600;
  public static final double FPS = 10;

  /** One person on screen from {@code from} to {@code to} seconds, moving from x0 to x1. */
  public record Appearance(Path photo, double from, double to, int x0, int x1, int y, int height) {
    public boolean visibleAt(double t) {
      return t >= from && t <= to;
    }
  }

  private FaceMovie() {}

  /** Writes {@code seconds} of video with {@code cast} on screen to {@code file}. */
  public static Path write(Path file, double seconds, List<Appearance> cast) throws IOException {
    BufferedImage[] patches = new BufferedImage[cast.size()];
    for (int i = 0; i < cast.size(); i++) {
      patches[i] = facePatch(cast.get(i).photo());
    }
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, 0);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(FPS);
      recorder.setGopSize(10);
      recorder.setVideoQuality(2);
      recorder.start();
      int frames = (int) Math.round(seconds * FPS);
      for (int i = 0; i < frames; i++) {
        recorder.record(converter.convert(frame(i / FPS, cast, patches)), avutil.AV_PIX_FMT_BGR24);
      }
      recorder.stop();
    }
    return file;
  }

  private static BufferedImage frame(double t, List<Appearance> cast, BufferedImage[] patches) {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setPaint(
          new GradientPaint(0, 0, new Color(70, 90, 110), WIDTH, HEIGHT, new Color(150, 140, 120)));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      for (int i = 0; i < cast.size(); i++) {
        Appearance a = cast.get(i);
        if (!a.visibleAt(t)) {
          continue;
        }
        double u = (t - a.from()) / Math.max(1e-9, a.to() - a.from());
        int cx = (int) Math.round(a.x0() + u * (a.x1() - a.x0()));
        int w = a.height() * patches[i].getWidth() / patches[i].getHeight();
        g.drawImage(patches[i], cx - w / 2, a.y() - a.height() / 2, w, a.height(), null);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** The head and shoulders of a deep-funneled LFW photo (250x250, face centred). */
  private static BufferedImage facePatch(Path photo) throws IOException {
    BufferedImage full = ImageIO.read(photo.toFile());
    if (full == null) {
      throw new IOException("not a readable image: " + photo);
    }
    return full.getSubimage(45, 30, 160, 200);
  }
}
