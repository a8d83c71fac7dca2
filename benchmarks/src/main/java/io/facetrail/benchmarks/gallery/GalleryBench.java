package io.facetrail.benchmarks.gallery;

import io.facetrail.matcher.index.SearchMode;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Entry point of {@code facetrail bench gallery}: runs the benchmark, prints JSON lines. */
public final class GalleryBench {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private GalleryBench() {}

  /** The benchmark's parameters (see the command's help). */
  public record Settings(
      int codes,
      int meanCodesPerPerson,
      int queries,
      int k,
      List<Integer> fastCandidates,
      List<FastPass> fastPasses,
      int threads,
      long seed,
      String redis,
      boolean skipRedis) {}

  /** The fast search's first pass, measured side by side (alternating per query). */
  public enum FastPass {
    /** {@link SearchMode#FAST}: the vector pass where the JVM allows it, else the scalar one. */
    VECTOR(SearchMode.FAST),
    /** {@link SearchMode#FAST_SCALAR}. */
    SCALAR(SearchMode.FAST_SCALAR);

    final SearchMode mode;

    FastPass(SearchMode mode) {
      this.mode = mode;
    }
  }

  public static void run(Settings s, PrintWriter out) {
    if (s.codes() < 1000 || s.queries() < 10 || s.k() < 1 || s.meanCodesPerPerson() < 1) {
      throw new UserFacingException(
          "need at least 1000 codes, 10 queries, k >= 1, 1 code per person");
    }
    if (s.fastCandidates().isEmpty() || s.fastCandidates().stream().anyMatch(c -> c < 1)) {
      throw new UserFacingException("--fast-candidates needs one or more positive numbers");
    }
    if (s.fastPasses().isEmpty()) {
      throw new UserFacingException("--fast-passes needs VECTOR, SCALAR or both");
    }
    if (!s.skipRedis() && !s.redis().matches("[^:]+:\\d+")) {
      throw new UserFacingException("--redis must be host:port, got " + s.redis());
    }
    new GalleryBenchmark(
            s,
            line -> {
              out.println(JSON.writeValueAsString(line));
              out.flush();
            })
        .run();
  }
}
