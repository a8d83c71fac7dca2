package io.facetrail.evaluation.shots;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * The frames of a real clip, downscaled once into memory, played forwards then backwards (a short
 * clip still gives long shots with real motion in them).
 */
final class ClipSource implements ViewSource {
  /** Frames are kept at this width: enough for crops of a 640-pixel output. */
  private static final int KEEP_WIDTH = 960;

  private final List<BufferedImage> frames;
  private final String name;

  private ClipSource(List<BufferedImage> frames, String name) {
    this.frames = frames;
    this.name = name;
  }

  static ClipSource load(Path file, int maxFrames) throws Exception {
    List<BufferedImage> frames = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      Frame f;
      while (frames.size() < maxFrames && (f = grabber.grabImage()) != null) {
        frames.add(Pictures.scaled(converter.convert(f), KEEP_WIDTH));
      }
      grabber.stop();
    }
    if (frames.size() < 2) {
      throw new IllegalArgumentException(file + ": fewer than two frames could be decoded");
    }
    return new ClipSource(frames, file.getFileName().toString());
  }

  @Override
  public BufferedImage picture(int start, int frame) {
    int n = frames.size();
    int period = 2 * (n - 1);
    int k = Math.floorMod(start + frame, period);
    return frames.get(k < n ? k : period - k);
  }

  @Override
  public String name() {
    return name;
  }
}
