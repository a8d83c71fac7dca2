package io.facetrail.app.report.video;

import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Media time of decoded frames exactly as the ingest stage counts it (frame time minus the video
 * stream's start time, never going backwards), so the boxes of the tracks topic land on the frames
 * they were observed in. The grabber's timestamps are absolute.
 */
final class MediaClock {
  private long startUs;
  private long lastUs = -1;

  private MediaClock(long startUs) {
    this.startUs = startUs;
  }

  static MediaClock of(FFmpegFrameGrabber grabber) {
    AVStream stream = grabber.getFormatContext().streams(grabber.getVideoStream());
    long start = stream.start_time();
    if (start == avutil.AV_NOPTS_VALUE) {
      return new MediaClock(Long.MIN_VALUE);
    }
    var tb = stream.time_base();
    return new MediaClock(Math.round(1e6 * start * tb.num() / tb.den()));
  }

  long mediaTimeUs(long frameTimestampUs) {
    if (startUs == Long.MIN_VALUE) {
      startUs = frameTimestampUs; // no declared start: the first frame is time zero
    }
    // Frames before the declared start (edit lists, priming) clamp to 0; order stays monotonic.
    long us = Math.max(frameTimestampUs - startUs, Math.max(0, lastUs));
    lastUs = us;
    return us;
  }
}
