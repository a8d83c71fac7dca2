package io.facetrail.evaluation.identification;

import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.FaceQuality;
import java.util.List;

/**
 * A track of real footage of somebody who is not in the gallery, as the archive keeps it: what the
 * matcher decided on (its aggregate and good frames) and what its faces looked like. Holds face
 * codes: never log it.
 *
 * @param trackId the track's id (for the report: no face data)
 * @param goodFrames good frames in the aggregate (selects the calibration's track thresholds)
 * @param aggregate the track's aggregate code
 * @param bestFrames the codes of its best frames, judged as single faces
 * @param quality the means of its good frames' face measures
 */
record StrangerTrack(
    String trackId,
    int goodFrames,
    byte[] aggregate,
    List<byte[]> bestFrames,
    FaceQuality quality) {
  static StrangerTrack of(ArchivedTrack t) {
    return new StrangerTrack(
        t.trackId(), t.goodFrames(), t.aggregate(), t.bestFrames(), t.faceQuality());
  }

  @Override
  public String toString() {
    return "StrangerTrack[" + trackId + ", goodFrames=" + goodFrames + "]";
  }
}
