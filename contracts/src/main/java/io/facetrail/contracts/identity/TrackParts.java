package io.facetrail.contracts.identity;

/**
 * Parts of a track: when the matcher finds that the tracker followed an identified track onto
 * somebody else, it ends the named part and reports the rest as part {@code n} with the track id
 * {@code <track id>/s<n>}. Part 0 has the tracker's own id. Consumers that join identity events to
 * the tracks topic use this to find the tracker's track of a part.
 */
public final class TrackParts {
  private static final String SEPARATOR = "/s";

  private TrackParts() {}

  /** The id of part {@code part} of the tracker's track {@code trackId}. */
  public static String id(String trackId, int part) {
    if (part < 0) {
      throw new IllegalArgumentException("part " + part + " is negative");
    }
    return part == 0 ? trackId : trackId + SEPARATOR + part;
  }

  /** The part number of an identity event's track id (0 when it is the tracker's own). */
  public static int part(String eventTrackId) {
    int at = eventTrackId.lastIndexOf(SEPARATOR);
    if (at < 0 || at + SEPARATOR.length() == eventTrackId.length()) {
      return 0;
    }
    String digits = eventTrackId.substring(at + SEPARATOR.length());
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 9) {
      return 0;
    }
    return Integer.parseInt(digits);
  }

  /** The tracker's track id of an identity event's track id. */
  public static String trackerTrack(String eventTrackId) {
    return part(eventTrackId) == 0
        ? eventTrackId
        : eventTrackId.substring(0, eventTrackId.lastIndexOf(SEPARATOR));
  }
}
