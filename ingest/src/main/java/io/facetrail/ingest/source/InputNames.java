package io.facetrail.ingest.source;

import java.util.Locale;
import java.util.regex.Pattern;

/** Printable names of inputs: credentials removed, and stream ids derived from them. */
public final class InputNames {
  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
  private static final Pattern MEDIA_EXTENSION =
      Pattern.compile("\\.(mp4|mkv|mov|avi|ts|m2ts|webm|flv|wmv|mpg|mpeg|m4v|3gp|m3u8|sdp)$");
  private static final int MAX_ID_LENGTH = 100;

  private InputNames() {}

  /**
   * {@code input} safe for logs and messages: {@code rtsp://user:pw@cam/1} → {@code
   * rtsp://***@cam/1}.
   */
  public static String display(String input) {
    return USER_INFO.matcher(input).replaceFirst("$1***@");
  }

  /**
   * A stream id derived from the input: the file or folder name without extension, or host and path
   * of a URL (never its credentials or query), lower-case, {@code [a-z0-9._-]} only.
   */
  public static String streamIdFor(String input) {
    String s = input.strip();
    if (SCHEME.matcher(s).find()) {
      s = USER_INFO.matcher(s).replaceFirst("$1");
      s = SCHEME.matcher(s).replaceFirst("");
      int query = s.indexOf('?');
      if (query >= 0) {
        s = s.substring(0, query);
      }
      s = s.replaceAll(":\\d+(/|$)", "$1"); // the port says nothing about the camera
    } else {
      while (s.endsWith("/") && s.length() > 1) {
        s = s.substring(0, s.length() - 1);
      }
      s = s.substring(s.lastIndexOf('/') + 1);
    }
    s = MEDIA_EXTENSION.matcher(s.toLowerCase(Locale.ROOT)).replaceFirst("");
    s = s.replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
    if (s.length() > MAX_ID_LENGTH) {
      s = s.substring(0, MAX_ID_LENGTH);
    }
    return s.isEmpty() ? "stream" : s;
  }
}
