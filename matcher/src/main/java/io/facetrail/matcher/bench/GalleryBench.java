package io.facetrail.matcher.bench;

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
      int threads,
      long seed,
      String redis,
      boolean skipRedis) {}

  public static void run(Settings s, PrintWriter out) {
    if (s.codes() < 1000 || s.queries() < 10 || s.k() < 1 || s.meanCodesPerPerson() < 1) {
      throw new UserFacingException(
          "need at least 1000 codes, 10 queries, k >= 1, 1 code per person");
    }
    if (s.fastCandidates().isEmpty() || s.fastCandidates().stream().anyMatch(c -> c < 1)) {
      throw new UserFacingException("--fast-candidates needs one or more positive numbers");
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
