package io.facetrail.benchmarks.gallery;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code facetrail bench gallery}: index memory, scan and search latency, recall, Redis load. */
@Command(
    name = "gallery",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the gallery index on synthetic face codes (clustered identities, several codes"
          + " each): memory per code, the memory floor (reading every code once), exact top-k on"
          + " one thread and on all cores, the fast search with its recall@k against the exact"
          + " scan, and the time to load the gallery from Redis.",
      "Prints one JSON object per result line, each with the full configuration."
    })
public final class BenchGalleryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--codes",
      defaultValue = "1000000",
      description = "Codes in the gallery (default ${DEFAULT-VALUE})")
  int codes;

  @Option(
      names = "--codes-per-person",
      defaultValue = "5",
      description = "Mean codes per person (default ${DEFAULT-VALUE})")
  int codesPerPerson;

  @Option(
      names = "--queries",
      defaultValue = "500",
      description = "Queries per measurement (default ${DEFAULT-VALUE})")
  int queries;

  @Option(
      names = "-k",
      defaultValue = "5",
      description = "Persons per result (default ${DEFAULT-VALUE})")
  int k;

  @Option(
      names = "--fast-candidates",
      split = ",",
      defaultValue = "5000,10000",
      description =
          "Codes the fast search re-ranks exactly; several (comma-separated) are measured side by"
              + " side (default ${DEFAULT-VALUE})")
  List<Integer> fastCandidates;

  @Option(
      names = "--fast-passes",
      split = ",",
      defaultValue = "VECTOR,SCALAR",
      description =
          "Fast search first passes, measured side by side, alternating per query: VECTOR (SIMD"
              + " where the JVM allows it), SCALAR (default ${DEFAULT-VALUE})")
  List<GalleryBench.FastPass> fastPasses;

  @Option(
      names = "--threads",
      description = "Threads of the all-cores scan (default: available processors)")
  Integer threads;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(
      names = "--redis",
      defaultValue = "127.0.0.1:6379",
      description =
          "Redis for the load measurement (host:port; a random key prefix, deleted afterwards)")
  String redis;

  @Option(names = "--skip-redis", description = "Skip the Redis load measurement")
  boolean skipRedis;

  @Override
  public Integer call() {
    GalleryBench.run(
        new GalleryBench.Settings(
            codes,
            codesPerPerson,
            queries,
            k,
            fastCandidates,
            fastPasses,
            threads == null ? Runtime.getRuntime().availableProcessors() : threads,
            seed,
            redis,
            skipRedis),
        spec.commandLine().getOut());
    return 0;
  }
}
