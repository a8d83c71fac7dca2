package io.facetrail.ingest.media;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_PROTOCOL_NOT_FOUND;

import io.facetrail.ingest.media.SourceFailure.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Classifies why an input could not be opened, with a message that names it. */
final class OpenFailures {
  private OpenFailures() {}

  /** Checks a local file before FFmpeg sees it: FFmpeg's own errors are vaguer. */
  static void checkLocalFile(String path) throws SourceFailure {
    Path file = Path.of(path);
    if (!Files.exists(file)) {
      throw new SourceFailure(Kind.MISSING_FILE, "file not found: " + path);
    }
    if (!Files.isRegularFile(file)) {
      throw new SourceFailure(Kind.UNREADABLE, "not a regular file: " + path);
    }
    if (!Files.isReadable(file)) {
      throw new SourceFailure(Kind.UNREADABLE, "file is not readable (permissions): " + path);
    }
    try {
      if (Files.size(file) == 0) {
        throw new SourceFailure(Kind.EMPTY_FILE, "file is empty (0 bytes): " + path);
      }
    } catch (IOException e) {
      throw new SourceFailure(Kind.UNREADABLE, "cannot read " + path + ": " + e.getMessage());
    }
  }

  /** The failure of {@code avformat_open_input} or of probing the streams. */
  static SourceFailure open(OpenRequest request, int code, boolean timedOut) {
    String input = request.displayName();
    if (request.network()) {
      if (timedOut || code == FfmpegErrors.ETIMEDOUT) {
        return new SourceFailure(
            Kind.UNREACHABLE,
            "no answer from " + input + " within " + seconds(request.openTimeout()));
      }
      String why =
          code == AVERROR_HTTP_NOT_FOUND
              ? "HTTP 404 Not Found"
              : code == AVERROR_HTTP_UNAUTHORIZED || code == AVERROR_HTTP_FORBIDDEN
                  ? "access denied (" + FfmpegErrors.describe(code) + "): check the credentials"
                  : code == AVERROR_PROTOCOL_NOT_FOUND
                      ? "this FFmpeg build does not support the protocol"
                      : code == AVERROR_INVALIDDATA
                          ? "the server's answer is not a video stream FFmpeg can read"
                          : FfmpegErrors.describe(code);
      return new SourceFailure(Kind.UNREACHABLE, "cannot open " + input + ": " + why);
    }
    if (code == FfmpegErrors.ENOENT) {
      return new SourceFailure(Kind.MISSING_FILE, "file not found: " + input);
    }
    if (code == FfmpegErrors.EACCES) {
      return new SourceFailure(Kind.UNREADABLE, "file is not readable (permissions): " + input);
    }
    return new SourceFailure(
        Kind.NOT_MEDIA,
        "not a video FFmpeg can read: " + input + " (" + FfmpegErrors.describe(code) + ")");
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
