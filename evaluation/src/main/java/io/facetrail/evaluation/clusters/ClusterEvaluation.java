package io.facetrail.evaluation.clusters;

import io.facetrail.evaluation.tracking.detect.FrameFaceDetector;
import io.facetrail.evaluation.tracking.scene.LfwPhotos;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One half of the evaluation up to the archived tracks: its people cast, laid out over the cameras,
 * the cameras rendered, detected and tracked, and every track folded as the matcher folds it.
 *
 * @param people recurring people per half
 * @param appearances appearances of each recurring person
 * @param singles one-photo people per half
 */
record ClusterEvaluation(
    LfwPhotos lfw,
    FrameFaceDetector detector,
    CameraPlan plan,
    TrackFolder folder,
    long seed,
    int people,
    int appearances,
    int singles) {
  private static final Logger log = LoggerFactory.getLogger(ClusterEvaluation.class);

  HalfTracks run(PeopleSplit split) {
    long start = System.nanoTime();
    ClusterCast cast = ClusterCast.choose(lfw, detector, split, seed, people, appearances, singles);
    // Each half its own layout and backgrounds, the same for a seed whatever else runs.
    List<CameraVideo> videos = plan.layOut(cast.people(), seed * 31 + split.ordinal());
    VideoTracks tracker = new VideoTracks(detector);
    List<FoldedTrack> folded = new ArrayList<>();
    int appearancesShown = 0;
    int frames = 0;
    int confirmed = 0;
    int withoutPerson = 0;
    int notArchived = 0;
    for (CameraVideo video : videos) {
      appearancesShown += video.scenario().actors().size();
      frames += video.scenario().frameTimes().size();
      for (VideoTrack t : tracker.run(video)) {
        confirmed++;
        if (!t.coversSomebody()) {
          withoutPerson++;
        }
        Optional<FoldedTrack> f = folder.fold(t);
        if (f.isPresent()) {
          folded.add(f.get());
        } else {
          notArchived++;
        }
      }
      log.info(
          "{} half: {} done, {} tracks archived so far",
          split.label(),
          video.streamId(),
          folded.size());
    }
    return new HalfTracks(
        split,
        folded,
        appearancesShown,
        frames,
        confirmed,
        withoutPerson,
        notArchived,
        cast.rejected(),
        cast.queries(),
        (System.nanoTime() - start) / 1e9);
  }
}
