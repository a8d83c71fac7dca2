package io.facetrail.evaluation.detection;

import static io.facetrail.evaluation.detection.JsonLines.line;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per scan scheme and group of faces (size bucket, still or walking, all): in how many of the
 * frames showing a face it was detected, how many frames passed from its appearance to its first
 * detection, and how often it stayed detected afterwards (what the tracker needs).
 */
final class SequenceTally {
  /** Counts of one scheme and group. */
  private static final class Group {
    int faces;
    int faceFrames;
    int detected;
    int neverFound;
    long firstSum;
    int firstMax;
    int framesAfterFirst;
    int detectedAfterFirst;
  }

  private final Map<String, Map<String, Group>> groups = new LinkedHashMap<>();
  private final Map<String, long[]> frames = new LinkedHashMap<>();

  /**
   * One face's sequence under one scheme.
   *
   * @param found per frame from its appearance on, whether it was detected (null: not scored in
   *     that frame, hidden behind another face)
   */
  void face(String scheme, SequenceFace face, Boolean[] found) {
    for (String g :
        new String[] {"size " + face.size().label, face.moving() ? "walking" : "still", "all"}) {
      add(scheme, g, found);
    }
  }

  private void add(String scheme, String group, Boolean[] found) {
    Group c =
        groups
            .computeIfAbsent(scheme, k -> new LinkedHashMap<>())
            .computeIfAbsent(group, k -> new Group());
    c.faces++;
    int first = -1;
    for (int t = 0; t < found.length; t++) {
      if (found[t] == null) {
        continue;
      }
      c.faceFrames++;
      if (found[t]) {
        c.detected++;
      }
      if (first >= 0) {
        c.framesAfterFirst++;
        c.detectedAfterFirst += found[t] ? 1 : 0;
      } else if (found[t]) {
        first = t;
      }
    }
    if (first < 0) {
      c.neverFound++;
    } else {
      c.firstSum += first;
      c.firstMax = Math.max(c.firstMax, first);
    }
  }

  /** One frame of a scheme: its false positives and detection time. */
  void frame(String scheme, int falsePositives, long nanos) {
    long[] f = frames.computeIfAbsent(scheme, k -> new long[3]);
    f[0]++;
    f[1] += falsePositives;
    f[2] += nanos;
  }

  void print() {
    groups.forEach(
        (scheme, byGroup) ->
            byGroup.forEach(
                (group, c) -> {
                  int found = c.faces - c.neverFound;
                  line(
                      "{\"scheme\":\"%s\",\"group\":\"%s\",\"faces\":%d,\"face_frames\":%d,"
                          + "\"detected_frames\":%d,\"fraction_detected\":%s,\"never_found\":%d,"
                          + "\"frames_to_first_mean\":%s,\"frames_to_first_max\":%d,"
                          + "\"kept_after_first\":%s}",
                      scheme,
                      group,
                      c.faces,
                      c.faceFrames,
                      c.detected,
                      ratio(c.detected, c.faceFrames),
                      c.neverFound,
                      ratio(c.firstSum, found),
                      c.firstMax,
                      ratio(c.detectedAfterFirst, c.framesAfterFirst));
                }));
    frames.forEach(
        (scheme, f) ->
            line(
                "{\"scheme\":\"%s\",\"frames\":%d,\"false_positives_per_frame\":%s,"
                    + "\"detect_ms_per_frame\":%d}",
                scheme, f[0], ratio(f[1], f[0]), f[2] / Math.max(1, f[0]) / 1_000_000));
  }

  private static String ratio(long a, long b) {
    return b == 0 ? "null" : String.format(Locale.ROOT, "%.3f", a / (double) b);
  }
}
