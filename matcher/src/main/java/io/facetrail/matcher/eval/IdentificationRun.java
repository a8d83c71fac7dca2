package io.facetrail.matcher.eval;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Entry point of {@code facetrail eval identification}. */
public final class IdentificationRun {
  private static final Logger log = LoggerFactory.getLogger(IdentificationRun.class);

  private IdentificationRun() {}

  public static void run(Path lfw, double far, int maxPeople, Path cacheFile, PrintWriter out) {
    if (!Files.exists(lfw.resolve("pairs.txt"))
        || !Files.isDirectory(lfw.resolve("lfw-deepfunneled"))) {
      throw new UserFacingException(lfw + " does not hold pairs.txt and lfw-deepfunneled/");
    }
    LfwSplit split = LfwSplit.read(lfw, maxPeople);
    long started = System.nanoTime();
    try (FacePipeline pipeline = FacePipeline.create(FacePipelineSettings.defaults());
        CodeCache cache = new CodeCache(cacheFile)) {
      IdentificationEval eval =
          new IdentificationEval(pipeline, cache, m -> log.info("LFW codes: {}", m));
      eval.computeCodes(split.allImages());
      Optional<CalibrationTable> table = CalibrationTable.forModel(pipeline.modelId());
      double threshold = table.map(t -> t.thresholdFor(far)).orElse(Double.NaN);
      if (table.isEmpty()) {
        log.warn("No calibration table for {}: reporting rank-1 only", pipeline.modelId());
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("eval", "lfw-identification");
      line.put("modelId", pipeline.modelId());
      line.put("falseAcceptRatePerComparison", far);
      line.putAll(eval.measure(split, pipeline.modelId(), threshold));
      line.put("maxPeople", maxPeople);
      line.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
      line.put("codeCache", cacheFile.toString());
      out.println(JsonMapper.builder().build().writeValueAsString(line));
      out.flush();
    }
  }
}
