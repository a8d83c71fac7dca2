package io.facetrail.evaluation.identification;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.matcher.archive.LocalTrackArchive;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Entry point of {@code facetrail eval strangers}. */
final class StrangersRun {
  private static final Logger log = LoggerFactory.getLogger(StrangersRun.class);

  private StrangersRun() {}

  /**
   * What to measure.
   *
   * @param sizes gallery sizes; 0 stands for every LFW person
   * @param fpirs configured FPIRs of the decisions
   * @param fars per-comparison FARs of the comparison lines
   * @param draws galleries drawn per size
   * @param seed seeds the draws
   */
  record Options(List<Integer> sizes, double[] fpirs, double[] fars, int draws, long seed) {}

  static void run(Path lfw, Path cacheFile, Path archiveDir, Options o, PrintWriter out) {
    LfwSplit.requireLayout(lfw);
    long started = System.nanoTime();
    List<StrangerTrack> all = new ArrayList<>();
    List<String> models = new ArrayList<>();
    try (LocalTrackArchive archive = LocalTrackArchive.open(archiveDir)) {
      archive.forEach(
          (t, d) -> {
            all.add(StrangerTrack.of(t));
            models.add(t.modelId());
          });
    }
    LfwSplit split = LfwSplit.read(lfw, Integer.MAX_VALUE);
    Map<String, Path> firstPhotos = new TreeMap<>();
    split.enrolled().forEach((name, photos) -> firstPhotos.put(name, photos.get(0)));
    split.strangers().forEach((name, photos) -> firstPhotos.put(name, photos.get(0)));
    String modelId;
    List<byte[]> gallery = new ArrayList<>();
    try (FacePipeline pipeline = FacePipeline.create(FacePipelineSettings.defaults());
        CodeCache cache = new CodeCache(cacheFile)) {
      new IdentificationEval(pipeline, cache, m -> log.info("LFW codes: {}", m))
          .computeCodes(List.copyOf(firstPhotos.values()));
      modelId = pipeline.modelId();
      for (Path p : firstPhotos.values()) {
        cache.get(IdentificationEval.key(p)).ifPresent(f -> gallery.add(f.code()));
      }
    }
    Optional<CalibrationTable> table = CalibrationTable.forModel(modelId);
    if (table.isEmpty()) {
      throw new UserFacingException("no calibration table for " + modelId);
    }
    DecisionSettings settings = DecisionSettings.defaults();
    List<StrangerTrack> tracks = new ArrayList<>();
    int otherModel = 0;
    int tooShort = 0;
    for (int i = 0; i < all.size(); i++) {
      if (!models.get(i).equals(modelId)) {
        otherModel++;
      } else if (all.get(i).goodFrames() < settings.minGoodFrames()) {
        tooShort++;
      } else {
        tracks.add(all.get(i));
      }
    }
    if (tracks.isEmpty()) {
      throw new UserFacingException(
          "the archive "
              + archiveDir
              + " holds no track of "
              + modelId
              + " with at least "
              + settings.minGoodFrames()
              + " good frames ("
              + all.size()
              + " tracks)");
    }
    JsonMapper json = JsonMapper.builder().build();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("modelId", modelId);
    config.put("calibration", table.get().source());
    config.put("archive", archiveDir.toString());
    config.put("archivedTracks", all.size());
    config.put("tracks", tracks.size());
    config.put("leftOutOtherModel", otherModel);
    config.put("leftOutTooFewGoodFrames", tooShort);
    config.put("galleryPersons", gallery.size());
    config.put("lfwPersonsWithoutFace", firstPhotos.size() - gallery.size());
    config.put("minGoodFrames", settings.minGoodFrames());
    config.put("marginRatio", settings.marginRatio());
    config.put("draws", o.draws());
    config.put("seed", o.seed());
    out.println(json.writeValueAsString(Map.of("strangersConfig", config)));
    StrangerReport report =
        new StrangerReport(tracks, gallery, table.get(), new DecisionPolicy(settings));
    for (Map<String, Object> line : report.comparisons(o.fars())) {
      out.println(json.writeValueAsString(line));
    }
    for (Map<String, Object> line : report.decisions(o.sizes(), o.fpirs(), o.draws(), o.seed())) {
      out.println(json.writeValueAsString(line));
    }
    out.println(
        json.writeValueAsString(
            Map.of(
                "strangersRun",
                Map.of("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0))));
    out.flush();
  }
}
