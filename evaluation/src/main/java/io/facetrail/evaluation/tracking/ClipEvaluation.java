package io.facetrail.evaluation.tracking;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.evaluation.tracking.detect.DetectedFace;
import io.facetrail.evaluation.tracking.detect.FrameFaceDetector;
import io.facetrail.tracker.track.Appearance;
import io.facetrail.tracker.track.Detection;
import io.facetrail.tracker.track.FaceTracker;
import io.facetrail.tracker.track.FrameResult;
import io.facetrail.tracker.track.Merge;
import io.facetrail.tracker.track.Track;
import io.facetrail.tracker.track.TrackingParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tracks the faces of a real video (no ground truth) and describes the result: how many tracks were
 * confirmed, how long they are, and how many look like fragments of an earlier track (a confirmed
 * track starting after another ended whose mean face codes are within the re-identification
 * distance: most likely the same person split in two).
 */
public final class ClipEvaluation {
  private final FrameFaceDetector detector;
  private final TrackingParameters params;

  public ClipEvaluation(FrameFaceDetector detector, TrackingParameters params) {
    this.detector = detector;
    this.params = params;
  }

  /** One confirmed track of the clip. */
  public record ClipTrack(long number, int firstFrame, int lastFrame, int observations) {}

  /**
   * @param framesDecoded frames in the file
   * @param framesProcessed frames passed to the tracker (every {@code step}-th)
   * @param tracks confirmed tracks, longest first
   * @param likelyFragments confirmed tracks that look like a continuation of an earlier one
   */
  public record ClipResult(
      int framesDecoded,
      int framesProcessed,
      long detections,
      List<ClipTrack> tracks,
      int likelyFragments,
      double seconds) {
    /** Confirmed tracks observed in at least {@code share} of the processed frames. */
    public long tracksCovering(double share) {
      return tracks.stream().filter(t -> t.observations() >= share * framesProcessed).count();
    }

    /**
     * Confirmed tracks whose first and last sightings are at least {@code share} of the processed
     * frames apart: one person followed through most of the clip without a break in identity (a
     * frame where the detector misses the face does not shorten it).
     */
    public long tracksSpanning(double share) {
      return tracks.stream()
          .filter(t -> t.lastFrame() - t.firstFrame() + 1 >= share * framesProcessed)
          .count();
    }

    String json(Path video, int step, String detector) {
      double mean = tracks.stream().mapToInt(ClipTrack::observations).average().orElse(0);
      int longest = tracks.isEmpty() ? 0 : tracks.get(0).observations();
      int median = tracks.isEmpty() ? 0 : tracks.get(tracks.size() / 2).observations();
      return String.format(
          Locale.ROOT,
          "{\"evaluation\":\"tracking-clip\",\"video\":\"%s\",\"frames_decoded\":%d,"
              + "\"step\":%d,\"frames_processed\":%d,\"detections\":%d,"
              + "\"confirmed_tracks\":%d,\"tracks_spanning_80pct\":%d,"
              + "\"track_length_mean\":%.1f,\"track_length_median\":%d,"
              + "\"track_length_max\":%d,\"likely_fragments\":%d,\"seconds\":%.1f,"
              + "\"faces\":\"%s\"}",
          video.getFileName(),
          framesDecoded,
          step,
          framesProcessed,
          detections,
          tracks.size(),
          tracksSpanning(0.8),
          mean,
          median,
          longest,
          likelyFragments,
          seconds,
          detector);
    }
  }

  /** Tracks every {@code step}-th frame of the video. */
  public ClipResult run(Path video, int step) {
    long start = System.nanoTime();
    FaceTracker tracker = new FaceTracker(params);
    Map<Long, int[]> spans = new LinkedHashMap<>(); // first, last, observations
    Map<Long, float[]> appearanceSum = new LinkedHashMap<>();
    Map<Long, Boolean> confirmed = new LinkedHashMap<>();
    int[] processed = {0};
    long[] detections = {0};
    int decoded =
        VideoFrames.forEach(
            video,
            step,
            (timeUs, image) -> {
              int f = processed[0]++;
              List<Detection> dets = new ArrayList<>();
              for (DetectedFace d : detector.detect(image)) {
                dets.add(d.detection(params));
              }
              detections[0] += dets.size();
              FrameResult r = tracker.step(timeUs, dets);
              for (Merge m : r.merged()) {
                int[] from = spans.remove(m.from().number());
                float[] fromSum = appearanceSum.remove(m.from().number());
                int[] into = spans.get(m.into().number());
                if (from != null && into != null) {
                  into[1] = Math.max(into[1], from[1]);
                  into[2] += from[2];
                  float[] intoSum = appearanceSum.get(m.into().number());
                  for (int j = 0; j < intoSum.length; j++) {
                    intoSum[j] += fromSum[j];
                  }
                }
              }
              for (int i = 0; i < dets.size(); i++) {
                Track t = r.trackOfDetection()[i];
                if (t == null) {
                  continue;
                }
                int[] span = spans.computeIfAbsent(t.number(), k -> new int[] {f, f, 0});
                span[1] = f;
                span[2]++;
                float[] sum = appearanceSum.computeIfAbsent(t.number(), k -> new float[128]);
                float[] a = dets.get(i).appearance();
                if (a != null) { // a face too poor to say who it is adds nothing to the mean
                  for (int j = 0; j < sum.length; j++) {
                    sum[j] += a[j];
                  }
                }
                if (t.isConfirmed()) {
                  confirmed.put(t.number(), true);
                }
              }
            });
    List<ClipTrack> tracks = new ArrayList<>();
    for (long number : confirmed.keySet()) {
      int[] s = spans.get(number);
      tracks.add(new ClipTrack(number, s[0], s[1], s[2]));
    }
    int fragments = 0;
    for (ClipTrack later : tracks) {
      float[] laterMean = mean(appearanceSum.get(later.number()));
      for (ClipTrack earlier : tracks) {
        float[] earlierMean = mean(appearanceSum.get(earlier.number()));
        if (earlier.lastFrame() < later.firstFrame()
            && laterMean != null
            && earlierMean != null
            && Appearance.distance(earlierMean, laterMean) <= params.reidDistance()) {
          fragments++;
          break;
        }
      }
    }
    tracks.sort(Comparator.comparingInt(ClipTrack::observations).reversed());
    return new ClipResult(
        decoded, processed[0], detections[0], tracks, fragments, (System.nanoTime() - start) / 1e9);
  }

  /** The unit mean of a track's codes; null when none of its faces had a usable code. */
  private static float[] mean(float[] sum) {
    for (float v : sum) {
      if (v != 0) {
        return FaceCode.normalise(sum.clone());
      }
    }
    return null;
  }
}
