package io.facetrail.evaluation.tracking;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Decodes a video file into images with their presentation times (JavaCV / FFmpeg). */
final class VideoFrames {
  private VideoFrames() {}

  /**
   * Calls {@code sink} with (presentation time in microseconds, image) for every {@code step}-th
   * frame.
   *
   * @return frames decoded (all of them, not only those passed on)
   * @throws IllegalArgumentException when the file cannot be opened or decoded
   */
  static int forEach(Path video, int step, BiConsumer<Long, BufferedImage> sink) {
    int index = 0;
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      Frame frame;
      while ((frame = grabber.grabImage()) != null) {
        if (index % step == 0) {
          // The converter reuses its image: copy before handing it on.
          BufferedImage image = converter.convert(frame);
          BufferedImage copy =
              new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
          copy.getGraphics().drawImage(image, 0, 0, null);
          sink.accept(frame.timestamp, copy);
        }
        index++;
      }
      grabber.stop();
    } catch (FrameGrabber.Exception e) {
      throw new IllegalArgumentException(
          "cannot decode " + video + " (frame " + index + "): " + e.getMessage(), e);
    }
    return index;
  }
}
