package io.facetrail.ingest.source;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** The kinds of input ingest reads. */
public enum SourceKind {
  /** A local video file in any container and codec FFmpeg reads. */
  FILE,
  /** A network stream: RTSP, HTTP(S), HLS, RTMP, SRT, UDP... */
  NETWORK,
  /** A capture device (V4L2 camera, {@code /dev/video0}). */
  DEVICE,
  /** A folder of still images (JPEG, PNG, BMP, WebP, TIFF), read in name order. */
  IMAGE_FOLDER;

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://.*");

  /** The kind of {@code input}, judged from its form and, for paths, the file system. */
  public static SourceKind detect(String input) {
    var m = SCHEME.matcher(input);
    if (m.matches()) {
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      return switch (scheme) {
        case "file" -> FILE;
        case "v4l2" -> DEVICE;
        default -> NETWORK;
      };
    }
    if (input.startsWith("/dev/")) {
      return DEVICE;
    }
    try {
      return Files.isDirectory(Path.of(input)) ? IMAGE_FOLDER : FILE;
    } catch (InvalidPathException e) {
      return FILE; // Opening it will report the bad path.
    }
  }

  /** Whether sources of this kind are live by default (reconnect, drop when behind). */
  public boolean liveByDefault() {
    return this == NETWORK || this == DEVICE;
  }
}
