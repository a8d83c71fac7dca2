package io.facetrail.ingest.media;

/**
 * What an opened input holds.
 *
 * @param container FFmpeg's name of the container format (e.g. {@code mov,mp4,m4a,3gp,3g2,mj2})
 * @param codec the video codec's name (e.g. {@code h264})
 * @param width coded width in pixels
 * @param height coded height in pixels
 * @param frameRate average frames per second, 0 when unknown
 * @param durationUs length in microseconds, -1 when unknown (live streams)
 * @param frameCount frames the container announces, -1 when unknown
 */
public record StreamInfo(
    String container,
    String codec,
    int width,
    int height,
    double frameRate,
    long durationUs,
    long frameCount) {

  /** The nominal time between frames, 40 ms (25 fps) when the rate is unknown. */
  public long frameIntervalUs() {
    return frameRate > 0 ? Math.round(1e6 / frameRate) : 40_000;
  }

  /** A short description for logs, e.g. {@code h264 1920x1080 25.0 fps, 4.2 s}. */
  public String describe() {
    String length = durationUs < 0 ? "live" : String.format("%.1f s", durationUs / 1e6);
    return String.format("%s %dx%d %.1f fps, %s", codec, width, height, frameRate, length);
  }
}
