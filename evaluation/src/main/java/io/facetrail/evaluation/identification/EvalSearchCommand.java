package io.facetrail.evaluation.identification;

import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code facetrail eval search}: recall of "where did this face appear" on LFW. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search recall of the track archive on LFW: the held-out people of folds 6-10 with at least"
          + " --min-photos photos have their later photos archived as tracks of --faces photos"
          + " (the matcher's quality-weighted mean, each photo's code as a best frame), among"
          + " single-photo tracks of --distractors other people's photos; each person's first photo"
          + " searches the archive. Prints recall@10 (share of the person's tracks in the top 10,"
          + " of at most 10), the share of queries that found all, and R-precision, with and"
          + " without the best frames, one JSON line each."
    })
public final class EvalSearchCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(EvalSearchCommand.class);

  @Spec CommandSpec spec;

  @Mixin LfwCodeOptions data;

  @Option(
      names = "--min-photos",
      defaultValue = "4",
      description = "Photos a queried person needs (default ${DEFAULT-VALUE})")
  int minPhotos;

  @Option(
      names = "--people",
      defaultValue = "200",
      description = "Queried people at most (default ${DEFAULT-VALUE})")
  int people;

  @Option(
      names = "--faces",
      defaultValue = "3",
      description = "Photos per archived track (default ${DEFAULT-VALUE})")
  int faces;

  @Option(
      names = "--distractors",
      defaultValue = "3000",
      description =
          "Other people's photos archived as single-photo tracks (default ${DEFAULT-VALUE})")
  int distractors;

  @Override
  public Integer call() {
    Path lfw = data.lfw();
    if (!Files.exists(lfw.resolve("pairs.txt"))) {
      throw new UserFacingException(lfw + " does not hold pairs.txt and lfw-deepfunneled/");
    }
    // Queried: held-out people (never used to fit a threshold); distractors: everybody else.
    LfwSplit split = LfwSplit.read(lfw, Integer.MAX_VALUE);
    Map<String, List<Path>> queried = new LinkedHashMap<>();
    split
        .strangers()
        .forEach(
            (name, photos) -> {
              if (photos.size() >= minPhotos && queried.size() < people) {
                queried.put(name, photos);
              }
            });
    List<Path> others = new ArrayList<>();
    split.enrolled().values().forEach(others::addAll);
    List<Path> distractorPhotos = others.subList(0, Math.min(distractors, others.size()));
    List<Path> needed = new ArrayList<>(distractorPhotos);
    queried.values().forEach(needed::addAll);
    PrintWriter out = spec.commandLine().getOut();
    JsonMapper json = JsonMapper.builder().build();
    long started = System.nanoTime();
    try (FacePipeline pipeline = FacePipeline.create(FacePipelineSettings.defaults());
        CodeCache cache = new CodeCache(data.cacheFile())) {
      new IdentificationEval(pipeline, cache, m -> log.info("LFW codes: {}", m))
          .computeCodes(needed);
      for (boolean bestFrames : new boolean[] {false, true}) {
        SearchEval.Result r =
            SearchEval.run(
                queried,
                distractorPhotos,
                p -> cache.get(IdentificationEval.key(p)),
                pipeline.modelId(),
                faces,
                bestFrames);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("eval", "lfw-archive-search");
        line.put("modelId", pipeline.modelId());
        line.put("codes", bestFrames ? "aggregate+best-frames" : "aggregate");
        line.put("facesPerTrack", faces);
        line.put("queries", r.queries());
        line.put("archivedTracks", r.archivedTracks());
        line.put("recallAt10", Math.round(r.recallAt10() * 10_000) / 10_000.0);
        line.put("allFoundShare", Math.round(r.allFoundShare() * 10_000) / 10_000.0);
        line.put("rPrecision", Math.round(r.rPrecision() * 10_000) / 10_000.0);
        line.put("meanSearchMs", Math.round(r.meanSearchMs() * 100) / 100.0);
        line.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        out.println(json.writeValueAsString(line));
        out.flush();
      }
    }
    return 0;
  }
}
