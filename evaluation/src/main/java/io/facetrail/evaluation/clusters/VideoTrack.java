package io.facetrail.evaluation.clusters;

import io.facetrail.evaluation.tracking.detect.DetectedFace;
import java.util.List;

/**
 * One confirmed track of a generated camera with every face the tracker gave it, in frame order,
 * and the person it covers in most of its frames.
 *
 * @param trackId unique over all cameras ({@code <stream>/t<number>})
 * @param streamId the camera
 * @param truth the person's label ({@link CameraVideo#personLabel}), or {@code none:<trackId>} for
 *     a track that covers nobody (each such track its own "person")
 * @param sightings the faces of the track, frame order
 */
public record VideoTrack(String trackId, String streamId, String truth, List<Sighting> sightings) {
  /**
   * One face of the track. Holds face data: never log it.
   *
   * @param frame index of the frame in its camera (the sequence number)
   * @param timeUs media time
   */
  public record Sighting(int frame, long timeUs, DetectedFace face) {}

  public VideoTrack {
    sightings = List.copyOf(sightings);
    if (sightings.isEmpty()) {
      throw new IllegalArgumentException("track " + trackId + " has no face");
    }
  }

  /** Media time of the last face. */
  public long endUs() {
    return sightings.get(sightings.size() - 1).timeUs();
  }

  /** Whether the track covers a person of the ground truth. */
  public boolean coversSomebody() {
    return !truth.startsWith("none:");
  }
}
