package io.facetrail.app.report.video;

import io.facetrail.app.report.PersonColour;
import io.facetrail.app.report.TrackBox;
import io.facetrail.app.report.TrackRecord;
import io.facetrail.app.report.VideoTimeline;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an input again with the run's tracks drawn on every frame: boxes, track numbers and names
 * (see {@link BoxSchedule} for frames between analysed ones). Every frame of the input is kept, at
 * the input's frame rate; the sound is not. H.264 (OpenH264, playable in browsers) when the
 * container takes it, MPEG-4 Part 2 otherwise.
 */
public final class AnnotatedVideo {
  private static final Logger log = LoggerFactory.getLogger(AnnotatedVideo.class);

  /**
   * What was written.
   *
   * @param file the annotated video
   * @param frames frames written (every frame the input decoded to)
   * @param codec the encoder used
   */
  public record Result(Path file, long frames, String codec) {}

  private AnnotatedVideo() {}

  /**
   * Decodes {@code input}, draws the tracks of {@code timeline} and encodes into {@code output}
   * (the container chosen by its extension). The file appears only when complete.
   *
   * @param boxes each track's observed boxes in time order
   * @param sampleIntervalUs the time between analysed frames
   * @throws IOException when the input cannot be decoded or the output not written
   */
  public static Result write(
      Path input,
      Path output,
      VideoTimeline timeline,
      Map<String, List<TrackBox>> boxes,
      long sampleIntervalUs)
      throws IOException {
    Path target = output.toAbsolutePath();
    Files.createDirectories(target.getParent());
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 ? name.substring(dot) : ".mp4";
    // FFmpeg picks the container from the extension, so the partial file keeps it.
    Path partial = target.resolveSibling("." + name + ".partial" + ext);
    BoxSchedule schedule = new BoxSchedule(boxes, sampleIntervalUs);
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input.toFile())) {
      grabber.start();
      Result r = encode(grabber, partial, schedule, styles(timeline));
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return new Result(target, r.frames(), r.codec());
    } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
      throw new IOException(
          "cannot write the annotated video of " + input + ": " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static Result encode(
      FFmpegFrameGrabber grabber,
      Path partial,
      BoxSchedule schedule,
      Map<String, FrameOverlay.TrackStyle> styles)
      throws FrameGrabber.Exception, FrameRecorder.Exception {
    int width = grabber.getImageWidth();
    int height = grabber.getImageHeight();
    double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 25;
    long frameIntervalUs = Math.round(1e6 / fps);
    MediaClock clock = MediaClock.of(grabber);
    FrameOverlay overlay = new FrameOverlay(styles, height);
    try (FFmpegFrameRecorder recorder = openRecorder(partial, width, height, fps);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      long frames = 0;
      org.bytedeco.javacv.Frame frame;
      while ((frame = grabber.grabImage()) != null) {
        long at = clock.mediaTimeUs(frame.timestamp);
        BufferedImage image = converter.convert(frame);
        overlay.draw(image, schedule.at(at, frameIntervalUs), at);
        recorder.record(converter.convert(image), avutil.AV_PIX_FMT_BGR24);
        frames++;
      }
      recorder.stop();
      return new Result(partial, frames, recorder.getVideoCodecName());
    }
  }

  /** OpenH264 first; containers or builds without it get MPEG-4 Part 2. */
  private static FFmpegFrameRecorder openRecorder(Path file, int width, int height, double fps)
      throws FrameRecorder.Exception {
    FFmpegFrameRecorder h264 = recorder(file, width, height, fps);
    h264.setVideoCodecName("libopenh264");
    // OpenH264 is rate controlled; about 0.15 bit per pixel keeps boxes and labels crisp.
    h264.setVideoBitrate((int) Math.min(40_000_000, 0.15 * width * height * fps));
    try {
      h264.start();
      return h264;
    } catch (FrameRecorder.Exception e) {
      log.info("H.264 is not available for this output ({}); writing MPEG-4", e.getMessage());
      h264.close();
    }
    FFmpegFrameRecorder mpeg4 = recorder(file, width, height, fps);
    mpeg4.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
    mpeg4.setVideoQuality(3);
    mpeg4.start();
    return mpeg4;
  }

  private static FFmpegFrameRecorder recorder(Path file, int width, int height, double fps) {
    FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
    r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    r.setFrameRate(fps);
    r.setGopSize((int) Math.max(1, Math.round(fps * 2)));
    return r;
  }

  /** Label and colour of every track: the person's colour and name, or grey "unknown". */
  static Map<String, FrameOverlay.TrackStyle> styles(VideoTimeline timeline) {
    Map<String, FrameOverlay.TrackStyle> styles = new HashMap<>();
    for (TrackRecord t : timeline.tracks()) {
      String number = t.trackId().substring(t.trackId().lastIndexOf('/') + 1);
      styles.put(
          t.trackId(),
          new FrameOverlay.TrackStyle(
              t.label() + " · " + number,
              t.identified() ? PersonColour.awt(t.personId()) : PersonColour.UNKNOWN));
    }
    return styles;
  }
}
