package io.facetrail.app.report;

import java.util.List;

/**
 * Where one identified person appears in a video.
 *
 * @param personId the person's gallery id
 * @param name how to show the person
 * @param ranges when, with the person's tracks merged (see {@link TimeRange#merge})
 * @param tracks the person's tracks in the video, in order of appearance
 */
public record PersonAppearance(
    String personId, String name, List<TimeRange> ranges, List<TrackRecord> tracks) {
  public PersonAppearance {
    ranges = List.copyOf(ranges);
    tracks = List.copyOf(tracks);
  }

  /** Time on screen: the length of the merged ranges. */
  public double screenTimeMs() {
    return ranges.stream().mapToDouble(TimeRange::lengthMs).sum();
  }

  /** Analysed frames showing the person. */
  public long frames() {
    return tracks.stream().mapToLong(TrackRecord::frames).sum();
  }

  /** The smallest distance of any of the person's tracks, or null. */
  public Double bestDistance() {
    return tracks.stream()
        .map(TrackRecord::distance)
        .filter(d -> d != null)
        .min(Double::compare)
        .orElse(null);
  }

  /** The best face among the person's tracks, or null. */
  public FaceImage bestFace() {
    return tracks.stream()
        .map(TrackRecord::face)
        .filter(f -> f != null)
        .max((a, b) -> Double.compare(a.quality(), b.quality()))
        .orElse(null);
  }
}
