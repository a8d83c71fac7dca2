package io.facetrail.ingest.media;

import io.facetrail.ingest.source.InputNames;
import io.facetrail.ingest.source.SourceSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to open one input with FFmpeg.
 *
 * @param url a file path or URL as FFmpeg reads it
 * @param format a forced input format ({@code v4l2} for cameras), or null to probe
 * @param options FFmpeg protocol, demuxer and decoder options (e.g. {@code rtsp_transport})
 * @param threads decoder threads, 0 for FFmpeg's choice (one per core)
 * @param keyFramesOnly decode key frames only and skip every other packet unread
 * @param network whether the input is reached over the network or a device (timeouts apply)
 * @param openTimeout how long connecting and probing may take (network inputs)
 * @param stallTimeout how long a network input may deliver no frame before it counts as stalled
 * @param maxPixels the largest frame (width x height) decoded: a larger video fails to open and
 *     FFmpeg's decoder refuses larger frames
 */
public record OpenRequest(
    String url,
    String format,
    Map<String, String> options,
    int threads,
    boolean keyFramesOnly,
    boolean network,
    Duration openTimeout,
    Duration stallTimeout,
    long maxPixels) {
  public OpenRequest {
    Objects.requireNonNull(url, "url");
    options = options == null ? Map.of() : Map.copyOf(options);
    Objects.requireNonNull(openTimeout, "openTimeout");
    Objects.requireNonNull(stallTimeout, "stallTimeout");
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive, is " + maxPixels);
    }
  }

  /** The input for messages and logs, without credentials. */
  public String displayName() {
    return InputNames.display(url);
  }

  /** A local file with default settings (tests, benchmarks). */
  public static OpenRequest file(String path, int threads) {
    return file(path, threads, SourceSpec.DEFAULT_MAX_IMAGE_PIXELS);
  }

  /** A local file with default settings and a pixel limit (image folders). */
  public static OpenRequest file(String path, int threads, long maxPixels) {
    return new OpenRequest(
        path,
        null,
        Map.of(),
        threads,
        false,
        false,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        maxPixels);
  }
}
