package io.facetrail.app.report;

/**
 * Where a track's face was in one analysed frame.
 *
 * @param mediaTimeUs the frame's media time, microseconds
 * @param x left edge, pixels of the original frame
 * @param y top edge
 * @param width box width
 * @param height box height
 */
public record TrackBox(long mediaTimeUs, float x, float y, float width, float height) {
  /** The box a fraction {@code t} (0..1) of the way from this one to {@code next}. */
  public TrackBox towards(TrackBox next, double t, long atUs) {
    return new TrackBox(
        atUs,
        (float) (x + t * (next.x - x)),
        (float) (y + t * (next.y - y)),
        (float) (width + t * (next.width - width)),
        (float) (height + t * (next.height - height)));
  }
}
