package io.facetrail.ingest.media;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** Turns FFmpeg's negative error codes into text. */
public final class FfmpegErrors {
  // AVERROR(e) is -e on Linux; these are the POSIX codes FFmpeg's network code returns.
  static final int ENOENT = -2;
  static final int EACCES = -13;
  static final int EIO = -5;
  static final int ECONNREFUSED = -111;
  static final int EHOSTUNREACH = -113;
  static final int ENETUNREACH = -101;
  static final int ETIMEDOUT = -110;
  static final int ECONNRESET = -104;

  private FfmpegErrors() {}

  /** FFmpeg's own description of {@code code}, e.g. "Connection refused". */
  public static String describe(int code) {
    byte[] buf = new byte[256];
    if (av_strerror(code, buf, buf.length) < 0) {
      return "FFmpeg error " + code;
    }
    int len = 0;
    while (len < buf.length && buf[len] != 0) {
      len++;
    }
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }
}
