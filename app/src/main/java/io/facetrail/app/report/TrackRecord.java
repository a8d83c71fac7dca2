package io.facetrail.app.report;

/**
 * One face track of a video: when it was seen and who it was.
 *
 * @param trackId the tracker's id of the track
 * @param personId the enrolled person it was identified as, or null (an unknown face)
 * @param personName that person's name, or null (unknown, or a person erased since)
 * @param range when the track was seen
 * @param frames analysed frames the face was seen in
 * @param distance distance of the track's aggregate to the person (to the nearest enrolled person
 *     for unknown tracks), or null when never compared
 * @param threshold the distance threshold of the decision, or null
 * @param face the track's best face, or null when the embedder made no thumbnails
 */
public record TrackRecord(
    String trackId,
    String personId,
    String personName,
    TimeRange range,
    long frames,
    Double distance,
    Double threshold,
    FaceImage face) {

  /** Whether the track was identified as an enrolled person. */
  public boolean identified() {
    return personId != null;
  }

  /** How to name the track's face to the user. */
  public String label() {
    if (personId == null) {
      return "unknown";
    }
    return personName != null ? personName : "(erased person " + personId + ")";
  }

  /** The same track with its face stored elsewhere. */
  public TrackRecord withFace(FaceImage f) {
    return new TrackRecord(trackId, personId, personName, range, frames, distance, threshold, f);
  }
}
