package io.facetrail.app.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a run's configuration ({@link RunConfig}) comes from besides the built-in defaults and the
 * environment: {@code --config FILE} and {@code --set KEY=VALUE}.
 *
 * @param file YAML or .properties file with {@code embedder}, {@code tracker} and {@code matcher}
 *     sections, or null
 * @param sets settings by their full key ({@code matcher.decision.fpir}), in the order given
 */
public record RunConfigSource(Path file, Map<String, String> sets) {
  public RunConfigSource {
    sets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sets));
  }

  /** Nothing but the defaults and the environment. */
  public static RunConfigSource none() {
    return new RunConfigSource(null, Map.of());
  }
}
