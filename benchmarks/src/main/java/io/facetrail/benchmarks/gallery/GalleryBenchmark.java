package io.facetrail.benchmarks.gallery;

import io.facetrail.benchmarks.report.BenchLines;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.matcher.index.FastSearch;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.Match;
import io.facetrail.matcher.index.ModelCompatibility;
import io.facetrail.matcher.index.SearchMode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/** Runs the gallery benchmark and reports one result map per measurement. */
final class GalleryBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final GalleryBench.Settings config;
  private final Consumer<Map<String, Object>> out;

  GalleryBenchmark(GalleryBench.Settings config, Consumer<Map<String, Object>> out) {
    this.config = config;
    this.out = out;
  }

  void run() {
    SyntheticFaces faces = SyntheticFaces.standard(config.seed());
    BenchGallery gallery =
        new BenchGallery(faces, config.codes(), config.meanCodesPerPerson(), config.seed());
    ForkJoinPool pool = new ForkJoinPool(config.threads());
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedHeapAfterGc(memory);
    GalleryIndex index =
        new GalleryIndex(
            ModelCompatibility.sameModelOnly(), pool, 0, config.fastCandidates().get(0));
    long started = System.nanoTime();
    index.reserve(config.codes(), gallery.persons());
    gallery.generate(10_000, chunk -> chunk.forEach(index::upsert));
    double buildSeconds = (System.nanoTime() - started) / 1e9;
    long after = usedHeapAfterGc(memory);
    report(
        "memory",
        Map.of(
            "persons", index.personCount(),
            "codes", index.codeCount(),
            "heapBytesPerCode", round((after - before) / (double) index.codeCount()),
            "packedArrayBytesPerCode", round(index.codeArrayBytes() / (double) index.codeCount()),
            "generateAndIndexSeconds", round(buildSeconds)));

    long[] floor = new long[Math.max(5, config.queries() / 50)];
    long sink = 0;
    for (int i = 0; i < floor.length; i++) {
      long t = System.nanoTime();
      sink += index.readAllCodes();
      floor[i] = System.nanoTime() - t;
    }
    report("memory-floor", BenchLines.latencies(floor, Map.of("checksum", sink)));

    SplittableRandom r = new SplittableRandom(config.seed() + 7);
    int q = config.queries();
    byte[][] enrolled = new byte[q][];
    byte[][] strangers = new byte[q][];
    for (int i = 0; i < q; i++) {
      // Unseen images of enrolled people, and people who were never enrolled.
      enrolled[i] = faces.code(r.nextInt(gallery.persons()), 1_000 + i);
      strangers[i] = faces.code(gallery.persons() + 1 + r.nextInt(1_000_000), 0);
    }
    // Warm-up: let the JIT compile every search path before anything is timed.
    for (int i = 0; i < Math.min(q, 50); i++) {
      for (SearchMode mode :
          List.of(
              SearchMode.EXACT,
              SearchMode.EXACT_PARALLEL,
              SearchMode.FAST,
              SearchMode.FAST_SCALAR)) {
        index.search(strangers[i], BenchGallery.MODEL, config.k(), mode);
      }
    }
    for (String population : List.of("enrolled", "not-enrolled")) {
      byte[][] queries = population.equals("enrolled") ? enrolled : strangers;
      List<List<Match>> exact = new java.util.ArrayList<>(q);
      long[] times = new long[q];
      long[] cpu = new long[q];
      for (int i = 0; i < q; i++) {
        long c = THREADS.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        exact.add(index.search(queries[i], BenchGallery.MODEL, config.k(), SearchMode.EXACT));
        times[i] = System.nanoTime() - t;
        cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
      }
      report(
          "exact-1-thread",
          withCpu(BenchLines.latencies(times, Map.of("queries", population)), cpu));
      for (int i = 0; i < q; i++) {
        long t = System.nanoTime();
        index.search(queries[i], BenchGallery.MODEL, config.k(), SearchMode.EXACT_PARALLEL);
        times[i] = System.nanoTime() - t;
      }
      report("exact-all-cores", BenchLines.latencies(times, Map.of("queries", population)));
      for (int candidates : config.fastCandidates()) {
        fast(population, queries, exact, candidates, index);
      }
    }
    if (!config.skipRedis()) {
      redisLoad(gallery);
    }
    pool.shutdown();
  }

  /**
   * Fast search latency and recall@k against the exact results, at one candidate count, for each
   * first pass: the passes alternate per query (and which goes first), so that a machine whose load
   * changes during the run slows them alike.
   */
  private void fast(
      String population,
      byte[][] queries,
      List<List<Match>> exact,
      int candidates,
      GalleryIndex index) {
    List<GalleryBench.FastPass> passes = config.fastPasses();
    int q = queries.length;
    long[][] times = new long[passes.size()][q];
    long[][] cpu = new long[passes.size()][q];
    double[] recall = new double[passes.size()];
    for (int i = 0; i < q; i++) {
      for (int n = 0; n < passes.size(); n++) {
        int p = (n + i) % passes.size();
        long c = THREADS.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        List<Match> fast =
            index.search(
                queries[i], BenchGallery.MODEL, config.k(), passes.get(p).mode, candidates);
        times[p][i] = System.nanoTime() - t;
        cpu[p][i] = THREADS.getCurrentThreadCpuTime() - c;
        recall[p] += overlap(exact.get(i), fast) / (double) exact.get(i).size();
      }
    }
    for (int p = 0; p < passes.size(); p++) {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("queries", population);
      extra.put("fastCandidates", candidates);
      extra.put("fastPass", passes.get(p).name());
      extra.put(
          "passInUse",
          passes.get(p) == GalleryBench.FastPass.VECTOR ? FastSearch.pass() : "scalar");
      extra.put("sketch", FastSearch.sketch());
      extra.put("recallAtK", round4(recall[p] / q));
      report("fast-1-thread", withCpu(BenchLines.latencies(times[p], extra), cpu[p]));
    }
  }

  private void redisLoad(BenchGallery gallery) {
    String[] hostPort = config.redis().split(":");
    String prefix = "facetrail-bench:" + UUID.randomUUID();
    RedisSettings settings =
        RedisSettings.local(hostPort[0], Integer.parseInt(hostPort[1]), prefix);
    try (RedisGallery redis = RedisGallery.connect(settings, Clock.systemUTC())) {
      try {
        long t0 = System.nanoTime();
        gallery.generate(5_000, redis::importPersons);
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        List<PersonRecord> snapshot = redis.snapshot();
        double readSeconds = (System.nanoTime() - t1) / 1e9;
        GalleryIndex index = GalleryIndex.withDefaults();
        index.replaceAll(snapshot);
        double totalSeconds = (System.nanoTime() - t1) / 1e9;
        report(
            "redis-load",
            Map.of(
                "persons", index.personCount(),
                "codes", index.codeCount(),
                "writeSeconds", round(writeSeconds),
                "readSeconds", round(readSeconds),
                "loadSeconds", round(totalSeconds)));
      } finally {
        redis.deleteAll();
      }
    }
  }

  private static int overlap(List<Match> a, List<Match> b) {
    Set<String> ids = new HashSet<>();
    a.forEach(m -> ids.add(m.personId()));
    int n = 0;
    for (Match m : b) {
      n += ids.contains(m.personId()) ? 1 : 0;
    }
    return n;
  }

  private void report(String measurement, Map<String, Object> values) {
    out.accept(BenchLines.line("gallery", measurement, values, config));
  }

  /**
   * Adds the percentiles of the thread's CPU time: on a machine shared with other work, wall time
   * includes waiting for a core, CPU time does not.
   */
  private static Map<String, Object> withCpu(Map<String, Object> m, long[] cpuNanos) {
    long[] s = cpuNanos.clone();
    Arrays.sort(s);
    m.put("cpuP50Ms", round4(s[s.length / 2] / 1e6));
    m.put(
        "cpuP99Ms", round4(s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6));
    return m;
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
