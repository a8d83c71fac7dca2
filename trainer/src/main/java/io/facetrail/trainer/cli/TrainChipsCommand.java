package io.facetrail.trainer.cli;

import io.facetrail.evaluation.progress.ConsoleProgress;
import io.facetrail.faces.detect.SubjectSource;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.trainer.chips.ChipCache;
import io.facetrail.trainer.chips.ChipExtractor;
import io.facetrail.trainer.data.LfwFolds;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code facetrail train chips}: cuts and caches the aligned chips of every LFW fold identity. */
@Command(
    name = "chips",
    mixinStandardHelpOptions = true,
    description = {
      "Cuts the aligned 150x150 chip of every photo of every person named in LFW's pairs.txt with"
          + " the face pipeline's default detector, landmarks and alignment, and caches them under"
          + " the user's cache folder (chips are face data: never in the repository).",
      "Photos named by the pairs come first (evaluation and default training use only those),"
          + " then the other photos of the same people. The training commands do this on first use; running it alone lets the slow detection run"
          + " once, resumably. Prints one JSON line."
    })
public final class TrainChipsCommand implements Callable<Integer> {
  @Mixin LfwOptions lfw = new LfwOptions();

  @Override
  public Integer call() {
    LfwFolds folds = lfw.folds();
    List<Integer> all = IntStream.rangeClosed(1, folds.foldCount()).boxed().toList();
    // The photos the protocol names first: they are what evaluation and default training need.
    Set<String> ordered = new LinkedHashSet<>(folds.pairPhotosOfFolds(all));
    ordered.addAll(folds.photosOfFolds(all));
    List<String> photos = List.copyOf(ordered);
    long t0 = System.nanoTime();
    long cpu0 = CpuTime.processNanos();
    FacePipelineSettings settings = lfw.pipelineSettings();
    try (FacePipeline pipeline = FacePipeline.create(settings);
        ChipCache cache = ChipCache.open(lfw.chipFile(settings))) {
      int before = cache.size();
      try (var bar = ConsoleProgress.bar("LFW chips", photos.size())) {
        new ChipExtractor(pipeline).extract(folds.images(), photos, cache, bar::step);
      }
      Map<SubjectSource, Integer> sources = new EnumMap<>(SubjectSource.class);
      for (String p : photos) {
        cache.get(p).ifPresent(c -> sources.merge(c.source(), 1, Integer::sum));
      }
      JsonMapper mapper = JsonMapper.builder().build();
      ObjectNode line = mapper.createObjectNode();
      line.put("train", "chips");
      ObjectNode config = line.putObject("config");
      config.put("detector", settings.detector().name());
      config.put("minScore", settings.minScore());
      config.put("canvasPadding", settings.canvasPadding());
      config.put("alignment", settings.alignment().name());
      config.put("photos", photos.size());
      line.put("computed", cache.size() - before);
      ObjectNode src = line.putObject("sources");
      sources.forEach((k, v) -> src.put(k.name(), v));
      line.put("cache", cache.file().toString());
      line.put("wallSeconds", Math.round((System.nanoTime() - t0) / 1e9));
      line.put("cpuSeconds", Math.round((CpuTime.processNanos() - cpu0) / 1e9));
      System.out.println(mapper.writeValueAsString(line));
    }
    return 0;
  }
}
