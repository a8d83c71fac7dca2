package io.facetrail.evaluation.detection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Faces found and present per variant, dimension (yaw, size, light, blur, jpeg and the issue's
 * target groups) and bucket, and false positives per variant.
 */
final class RecallTally {
  /** Found and present of one bucket. */
  static final class Count {
    int found;
    int present;

    double recall() {
      return present == 0 ? Double.NaN : found / (double) present;
    }
  }

  private final Map<String, Map<String, Map<String, Count>>> counts = new LinkedHashMap<>();
  private final Map<String, Integer> falsePositives = new LinkedHashMap<>();
  private int frames;

  void frame() {
    frames++;
  }

  int frames() {
    return frames;
  }

  void add(Variant v, PlacedFace face, boolean found) {
    for (Map.Entry<String, String> b : buckets(face).entrySet()) {
      Count c =
          counts
              .computeIfAbsent(v.label(), k -> new LinkedHashMap<>())
              .computeIfAbsent(b.getKey(), k -> new LinkedHashMap<>())
              .computeIfAbsent(b.getValue(), k -> new Count());
      c.present++;
      if (found) {
        c.found++;
      }
    }
  }

  void falsePositives(Variant v, int n) {
    falsePositives.merge(v.label(), n, Integer::sum);
  }

  double falsePositivesPerFrame(Variant v) {
    return frames == 0 ? 0 : falsePositives.getOrDefault(v.label(), 0) / (double) frames;
  }

  Map<String, Map<String, Count>> of(Variant v) {
    return counts.getOrDefault(v.label(), Map.of());
  }

  /** Recall of one bucket, NaN when no face fell in it. */
  double recall(Variant v, String dimension, String bucket) {
    Count c = of(v).getOrDefault(dimension, Map.of()).get(bucket);
    return c == null ? Double.NaN : c.recall();
  }

  /** One JSON line per variant, dimension and bucket, and a summary line per variant. */
  void print(List<Variant> variants) {
    for (Variant v : variants) {
      for (var dim : of(v).entrySet()) {
        for (var b : dim.getValue().entrySet()) {
          JsonLines.line(
              "{\"set\":\"frames\",\"variant\":\"%s\",\"dimension\":\"%s\",\"bucket\":\"%s\","
                  + "\"faces\":%d,\"found\":%d,\"recall\":%.3f}",
              v.label(),
              dim.getKey(),
              b.getKey(),
              b.getValue().present,
              b.getValue().found,
              b.getValue().recall());
        }
      }
      JsonLines.line(
          "{\"set\":\"frames\",\"variant\":\"%s\",\"summary\":{\"recall\":%.3f,"
              + "\"recall_40px_up_to_45\":%.3f,\"recall_40px_45_75\":%.3f,"
              + "\"false_positives_per_frame\":%.3f}}",
          v.label(),
          recall(v, "all", "all"),
          recall(v, RecallTally.TARGETS, RecallTally.UP_TO_45),
          recall(v, RecallTally.TARGETS, RecallTally.TURNED),
          falsePositivesPerFrame(v));
    }
  }

  /** The targets: recall of faces of at least 40 px up to 45 degrees, and at 45-75. */
  static final String TARGETS = "target";

  static final String UP_TO_45 = ">=40px yaw<45";
  static final String TURNED = ">=40px yaw 45-75";

  static final List<String> DIMENSIONS = List.of("yaw", "size", "light", "blur", "jpeg", TARGETS);

  private static Map<String, String> buckets(PlacedFace f) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("all", "all");
    m.put("yaw", f.yaw().label);
    m.put("size", f.size().label);
    m.put("light", f.dim() ? "dim" : "normal");
    m.put("blur", f.blurred() ? "blurred" : "sharp");
    m.put("jpeg", f.compressed() ? "q15-35" : "clean");
    if (f.size() != SizeBucket.TINY) {
      m.put(TARGETS, f.yaw() == YawBucket.PROFILE ? TURNED : UP_TO_45);
    }
    return m;
  }
}
