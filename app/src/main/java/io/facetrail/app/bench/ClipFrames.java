package io.facetrail.app.bench;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.Frame;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.proto.ImageEncoding;
import io.facetrail.runtime.cli.UserFacingException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * The frames a sampling ingest would publish for a clip: every frame at the wanted rate, as JPEG.
 * Decoded once; benchmarks loop over them to cover a longer stretch of video.
 */
record ClipFrames(List<byte[]> jpegs, int width, int height, double sourceFps, double sampledFps) {
  static ClipFrames sample(Path video, double fps) {
    if (!Files.isRegularFile(video)) {
      throw new UserFacingException("video not found: " + video);
    }
    List<byte[]> out = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      double sourceFps = grabber.getFrameRate();
      int step = Math.max(1, (int) Math.round(sourceFps / fps));
      int index = 0;
      for (org.bytedeco.javacv.Frame f; (f = grabber.grabImage()) != null; index++) {
        if (index % step == 0) {
          out.add(jpeg(converter.convert(f)));
        }
      }
      int w = grabber.getImageWidth();
      int h = grabber.getImageHeight();
      grabber.stop();
      if (out.isEmpty()) {
        throw new UserFacingException("no frame could be decoded from " + video);
      }
      return new ClipFrames(List.copyOf(out), w, h, sourceFps, sourceFps / step);
    } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
      throw new UserFacingException("cannot decode " + video + ": " + e.getMessage(), e);
    }
  }

  private static byte[] jpeg(BufferedImage image) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ImageIO.write(image, "jpg", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    }
  }

  /** Frame {@code i} of the clip looped. */
  byte[] frame(long i) {
    return jpegs.get((int) (i % jpegs.size()));
  }

  /** The media time of frame {@code i} of the clip looped, in microseconds. */
  long mediaTimeUs(long i) {
    return Math.round(i * 1e6 / sampledFps);
  }

  /** Frame {@code i} of the clip looped as stream {@code streamId} publishes it. */
  FrameRecord record(String streamId, long i, long captureTimeMs) {
    Frame frame =
        Frame.newBuilder()
            .setStreamId(streamId)
            .setSequence(i)
            .setMediaTimeUs(mediaTimeUs(i))
            .setCaptureTimeMs(captureTimeMs)
            .setWidth(width)
            .setHeight(height)
            .setEncoding(ImageEncoding.JPEG)
            .setImage(ByteString.copyFrom(frame(i)))
            .build();
    return FrameRecord.newBuilder().setFrame(frame).build();
  }

  /** Frames needed to cover {@code seconds} of video at the sampled rate. */
  int framesFor(double seconds) {
    return (int) Math.ceil(seconds * sampledFps);
  }
}
