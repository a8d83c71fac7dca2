package io.facetrail.benchmarks.archive;

import io.facetrail.benchmarks.report.BenchLines;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.archive.ArchiveIndex;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.Redecider;
import io.facetrail.matcher.archive.Redecision;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionRate;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.index.FastSearch;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.ModelCompatibility;
import io.facetrail.matcher.index.SearchMode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/** Runs the archive benchmark: one result map per measurement and configuration. */
final class ArchiveBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final BenchArchiveCommand.Settings config;
  private final Consumer<Map<String, Object>> out;
  private final SyntheticFaces faces;

  ArchiveBenchmark(BenchArchiveCommand.Settings config, Consumer<Map<String, Object>> out) {
    this.config = config;
    this.out = out;
    this.faces = SyntheticFaces.standard(config.seed());
  }

  void run() {
    if (config.measure().contains("search")) {
      for (int best : config.bestFrames()) {
        search(best);
      }
    }
    if (config.measure().contains("redecide")) {
      redecide();
    }
    if (config.measure().contains("load")) {
      ArchiveLoadBench.run(
          new SyntheticTracks(faces, config.identities(), 3), config.tracks(), this::report);
    }
  }

  private void search(int bestFrames) {
    SyntheticTracks tracks = new SyntheticTracks(faces, config.identities(), bestFrames);
    ArchiveIndex index = new ArchiveIndex(ModelCompatibility.sameModelOnly(), 50_000, 10_000);
    long started = System.nanoTime();
    index.reserve(config.tracks());
    for (int i = 0; i < config.tracks(); i++) {
      ArchivedTrack t = tracks.track(i);
      index.add(t, SyntheticTracks.undecided(t.trackId()));
    }
    index.retrain();
    double buildSeconds = (System.nanoTime() - started) / 1e9;
    SplittableRandom r = new SplittableRandom(config.seed());
    byte[][] queries = new byte[config.queries()][];
    for (int q = 0; q < queries.length; q++) {
      queries[q] = tracks.query(r.nextInt(config.identities()), q);
    }
    Map<SearchMode, List<ArchiveIndex.Hit>[]> results = new HashMap<>();
    for (SearchMode mode : config.modes()) {
      @SuppressWarnings("unchecked")
      List<ArchiveIndex.Hit>[] hits = new List[queries.length];
      long[] nanos = new long[queries.length];
      long[] cpu = new long[queries.length];
      for (int w = 0; w < Math.min(20, queries.length); w++) {
        index.search(queries[w], SyntheticTracks.MODEL, config.k(), mode);
      }
      for (int q = 0; q < queries.length; q++) {
        long c = THREADS.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        hits[q] = index.search(queries[q], SyntheticTracks.MODEL, config.k(), mode);
        nanos[q] = System.nanoTime() - t;
        cpu[q] = THREADS.getCurrentThreadCpuTime() - c;
      }
      results.put(mode, hits);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mode", mode.name());
      m.put("tracks", index.size());
      m.put("codesPerTrack", 1 + bestFrames);
      m.put("codes", index.codeCount());
      m.put("packedArrayBytes", index.codeArrayBytes());
      m.put("buildSeconds", round(buildSeconds));
      m.put("k", config.k());
      if (mode == SearchMode.FAST && results.containsKey(SearchMode.EXACT)) {
        m.put("recallAtK", round(recall(results.get(SearchMode.EXACT), hits)));
      }
      // CPU time is what the search costs; wall time adds what other processes took of the cores.
      long[] sorted = cpu.clone();
      Arrays.sort(sorted);
      m.put("cpuP50Ms", round(sorted[sorted.length / 2] / 1e6));
      m.put("cpuP99Ms", round(sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6));
      m.put("fastPass", FastSearch.pass());
      report("search", BenchLines.latencies(nanos, m));
    }
  }

  private static double recall(List<ArchiveIndex.Hit>[] exact, List<ArchiveIndex.Hit>[] fast) {
    long found = 0;
    long total = 0;
    for (int q = 0; q < exact.length; q++) {
      Set<String> want = new HashSet<>();
      exact[q].forEach(h -> want.add(h.entry().trackId()));
      total += want.size();
      found += fast[q].stream().filter(h -> want.contains(h.entry().trackId())).count();
    }
    return total == 0 ? 1 : found / (double) total;
  }

  private void redecide() {
    SyntheticTracks tracks = new SyntheticTracks(faces, config.identities(), 3);
    ArchivedTrack[] archived = new ArchivedTrack[config.tracks()];
    TrackDecision[] decisions = new TrackDecision[config.tracks()];
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < archived.length; i++) {
      archived[i] = tracks.track(i);
      decisions[i] = SyntheticTracks.undecided(archived[i].trackId());
      position.put(archived[i].trackId(), i);
    }
    CalibrationTable table =
        faces.calibration(SyntheticTracks.MODEL, 1500, new double[] {1e-5, 1e-4, 1e-3, 1e-2});
    Thresholds thresholds =
        new Thresholds(DecisionRate.ofFpir(DecisionSettings.DEFAULT_FPIR), m -> Optional.of(table));
    Redecider redecider =
        new Redecider(new DecisionPolicy(DecisionSettings.defaults()), thresholds, SearchMode.AUTO);
    GalleryIndex gallery =
        new GalleryIndex(
            ModelCompatibility.sameModelOnly(), ForkJoinPool.commonPool(), 50_000, 10_000);
    for (int p = 0; p < config.galleryPersons(); p++) {
      gallery.upsert(tracks.person(p, config.codesPerPerson()));
    }
    // Every track against the whole gallery (the first re-decision, or after a full reload).
    measure("redecide-full", redecider, gallery, archived, decisions, position, null, Set.of());
    // One person enrolled (a stranger so far): only their codes are compared.
    PersonRecord added = tracks.person(config.galleryPersons(), config.codesPerPerson());
    gallery.upsert(added);
    measure(
        "redecide-enrol-one",
        redecider,
        gallery,
        archived,
        decisions,
        position,
        List.of(added),
        Set.of(added.person().id()));
    // The same person erased again: their tracks are searched against the whole gallery.
    gallery.remove(added.person().id());
    measure(
        "redecide-erase-one",
        redecider,
        gallery,
        archived,
        decisions,
        position,
        List.of(),
        Set.of(added.person().id()));
  }

  private void measure(
      String name,
      Redecider redecider,
      GalleryIndex gallery,
      ArchivedTrack[] archived,
      TrackDecision[] decisions,
      Map<String, Integer> position,
      List<PersonRecord> changed,
      Set<String> changedIds) {
    long started = System.nanoTime();
    long cpuStarted = processCpuNanos();
    Redecision r =
        redecider.redecide(
            visitor -> {
              for (int i = 0; i < archived.length; i++) {
                visitor.accept(archived[i], decisions[i]);
              }
            },
            gallery,
            changed,
            changedIds,
            Instant.now());
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
    for (TrackDecision d : r.updates()) {
      decisions[position.get(d.trackId())] = d;
    }
    long identified = Arrays.stream(decisions).filter(TrackDecision::identified).count();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tracks", r.examined());
    m.put("galleryPersons", gallery.personCount());
    m.put("galleryCodes", gallery.codeCount());
    m.put("searchedFully", r.searchedFully());
    m.put("changed", r.changes().size());
    m.put("updated", r.updates().size());
    m.put("identifiedAfter", identified);
    m.put("seconds", round(seconds));
    m.put("cpuSeconds", round(cpuSeconds));
    m.put("tracksPerSecond", Math.round(r.examined() / seconds));
    m.put("tracksPerCpuSecond", Math.round(r.examined() / cpuSeconds));
    m.put("threads", ForkJoinPool.commonPool().getParallelism() + 1);
    report(name, m);
  }

  /** CPU time of the whole process: re-decision runs on several threads. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private void report(String measurement, Map<String, Object> values) {
    out.accept(BenchLines.line("archive", measurement, values, config));
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
