package io.facetrail.benchmarks.archive;

import io.facetrail.matcher.index.SearchMode;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code facetrail bench archive}: track archive search latency and re-decision time. */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the track archive on synthetic tracks (several per identity): search latency"
          + " (p50, p99) over all tracks, exact and fast, with the aggregate alone and with best"
          + " frames, and the fast search's recall; the time to re-decide every track against a"
          + " gallery, then after one person is enrolled and erased.",
      "Prints one JSON object per result line, each with the full configuration."
    })
public final class BenchArchiveCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec CommandSpec spec;

  @Option(names = "--tracks", defaultValue = "1000000", description = "Archived tracks")
  int tracks;

  @Option(
      names = "--identities",
      defaultValue = "200000",
      description = "Distinct identities shown by the tracks (default ${DEFAULT-VALUE})")
  int identities;

  @Option(
      names = "--best-frames",
      split = ",",
      defaultValue = "0,3",
      description = "Best frame codes per track besides the aggregate, measured side by side")
  List<Integer> bestFrames;

  @Option(names = "--queries", defaultValue = "500", description = "Search queries per mode")
  int queries;

  @Option(names = "-k", defaultValue = "20", description = "Tracks per result")
  int k;

  @Option(
      names = "--gallery-persons",
      defaultValue = "1000",
      description = "Persons enrolled for the re-decision (default ${DEFAULT-VALUE})")
  int galleryPersons;

  @Option(names = "--codes-per-person", defaultValue = "5", description = "Codes per person")
  int codesPerPerson;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(
      names = "--modes",
      split = ",",
      defaultValue = "EXACT,FAST",
      description = "Search modes measured (recall needs EXACT; default ${DEFAULT-VALUE})")
  List<SearchMode> modes;

  @Option(
      names = "--measure",
      split = ",",
      defaultValue = "search,redecide",
      description =
          "What to measure: search, redecide, load (writing a local archive with 5 KB thumbnails,"
              + " opening it and loading the index; not by default) (default ${DEFAULT-VALUE})")
  List<String> measure;

  /** The benchmark's parameters. */
  record Settings(
      int tracks,
      int identities,
      List<Integer> bestFrames,
      int queries,
      int k,
      int galleryPersons,
      int codesPerPerson,
      long seed,
      List<SearchMode> modes,
      List<String> measure) {}

  @Override
  public Integer call() {
    if (tracks < 1000 || identities < 10 || identities > tracks || queries < 10 || k < 1) {
      throw new UserFacingException(
          "need at least 1000 tracks, 10 to --tracks identities, 10 queries, k >= 1");
    }
    if (bestFrames.isEmpty() || bestFrames.stream().anyMatch(b -> b < 0 || b > 3)) {
      throw new UserFacingException("--best-frames takes values from 0 to 3");
    }
    if (galleryPersons < 1 || galleryPersons >= identities || codesPerPerson < 1) {
      throw new UserFacingException("--gallery-persons must be 1 to --identities - 1");
    }
    if (measure.isEmpty()
        || !List.of("search", "redecide", "load").containsAll(measure)
        || modes.isEmpty()
        || modes.stream().anyMatch(m -> m != SearchMode.EXACT && m != SearchMode.FAST)) {
      throw new UserFacingException(
          "--measure takes search, redecide and/or load, --modes EXACT and/or FAST");
    }
    PrintWriter out = spec.commandLine().getOut();
    new ArchiveBenchmark(
            new Settings(
                tracks,
                identities,
                bestFrames,
                queries,
                k,
                galleryPersons,
                codesPerPerson,
                seed,
                modes,
                measure),
            line -> {
              out.println(JSON.writeValueAsString(line));
              out.flush();
            })
        .run();
    return 0;
  }
}
