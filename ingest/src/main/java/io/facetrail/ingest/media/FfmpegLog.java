package io.facetrail.ingest.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes FFmpeg's own log lines to SLF4J (logger {@code io.facetrail.ingest.media.ffmpeg}) instead
 * of standard error. They go to DEBUG: corrupt input makes FFmpeg log one line per damaged
 * macroblock, and ingest already counts and reports what the damage cost.
 */
final class FfmpegLog extends LogCallback {
  private static final Logger log = LoggerFactory.getLogger("io.facetrail.ingest.media.ffmpeg");
  private static FfmpegLog installed;

  private FfmpegLog() {
    super();
  }

  /** Installs the callback once per JVM. */
  static synchronized void install() {
    if (installed == null) {
      installed = new FfmpegLog();
      av_log_set_level(log.isDebugEnabled() ? AV_LOG_WARNING : AV_LOG_ERROR);
      setLogCallback(installed);
    }
  }

  @Override
  public void call(int level, BytePointer msg) {
    if (log.isDebugEnabled()) {
      String line = msg.getString().strip();
      if (!line.isEmpty()) {
        log.debug("[level {}] {}", level, line);
      }
    }
  }
}
