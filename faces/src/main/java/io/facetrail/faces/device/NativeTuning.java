package io.facetrail.faces.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process environment that decides how fast the face models run on a CPU. Both settings are
 * read by native code when it loads, so they can only come from whoever starts the JVM: the {@code
 * facetrail} launcher and the container entry point set them, and benchmarks report them with their
 * configuration.
 *
 * <ul>
 *   <li>{@code OMP_WAIT_POLICY=PASSIVE}: PyTorch's OpenMP threads otherwise spin between operations
 *       on cores that decoding, Kafka and the stream processors of the same process need
 *       (all-in-one pipeline: real-time factor 0.42 spinning, 0.79 passive, back to back).
 *   <li>{@code MALLOC_*}: glibc otherwise returns freed tensor memory to the kernel after every
 *       network pass and faults it back in on the next (1080p SSD: 8.4 vs 22.4 frames/s).
 * </ul>
 */
public final class NativeTuning {
  /** The variables and the values the launcher sets. */
  public static final Map<String, String> RECOMMENDED =
      Map.of(
          "OMP_WAIT_POLICY", "PASSIVE",
          "MALLOC_MMAP_THRESHOLD_", "33554432",
          "MALLOC_TRIM_THRESHOLD_", "2147483648",
          "MALLOC_TOP_PAD_", "268435456");

  private NativeTuning() {}

  /** Each variable's value in this process, "unset" when absent, in a stable order. */
  public static Map<String, String> current() {
    return current(System.getenv());
  }

  static Map<String, String> current(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : RECOMMENDED.keySet().stream().sorted().toList()) {
      out.put(name, env.getOrDefault(name, "unset"));
    }
    return out;
  }

  /** The variables this process was started without. */
  public static List<String> missing() {
    return missing(System.getenv());
  }

  static List<String> missing(Map<String, String> env) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : current(env).entrySet()) {
      if (!env.containsKey(e.getKey())) {
        out.add(e.getKey());
      }
    }
    return out;
  }
}
