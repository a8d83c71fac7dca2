package io.facetrail.ingest.media;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * FFmpeg's own socket I/O timeouts for network inputs: a second line of defence behind the
 * interrupt callback ({@link InterruptGuard}), so that even a read the callback could not reach
 * ends with {@code ETIMEDOUT} (reported as a stall) instead of blocking the decode thread for ever.
 * They are set a margin after the stall timeout, so that the guard, which also knows about frames,
 * normally speaks first. Options the stream configures itself are left alone.
 */
final class SocketTimeouts {
  /** How long after the stall timeout the socket gives up. */
  static final Duration MARGIN = Duration.ofSeconds(1);

  private SocketTimeouts() {}

  /** The request's FFmpeg options plus the socket timeouts that apply to its input. */
  static Map<String, String> withDefaults(OpenRequest request) {
    Map<String, String> options = new LinkedHashMap<>(request.options());
    if (!request.network()) {
      return options;
    }
    String micros = Long.toString(request.stallTimeout().plus(MARGIN).toNanos() / 1000);
    // Every protocol built on URLContext (HTTP, HLS segments, TCP, ...) honours rw_timeout.
    options.putIfAbsent("rw_timeout", micros);
    if (isRtsp(request)) {
      // The RTSP demuxer opens its own TCP connection without the caller's options, so
      // rw_timeout never reaches it; its "timeout" option (microseconds since FFmpeg 5) does.
      // Not set for other inputs: RTMP reads "timeout" as seconds to listen for a connection.
      options.putIfAbsent("timeout", micros);
    }
    return options;
  }

  private static boolean isRtsp(OpenRequest request) {
    String url = request.url().toLowerCase(Locale.ROOT);
    return url.startsWith("rtsp://")
        || url.startsWith("rtsps://")
        || "rtsp".equalsIgnoreCase(request.format());
  }
}
