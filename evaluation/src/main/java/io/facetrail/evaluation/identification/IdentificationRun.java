package io.facetrail.evaluation.identification;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Entry point of {@code facetrail eval identification}. */
public final class IdentificationRun {
  private static final Logger log = LoggerFactory.getLogger(IdentificationRun.class);

  private IdentificationRun() {}

  /**
   * What to measure.
   *
   * @param sizes gallery sizes; 0 stands for every eligible person
   * @param tracks track lengths k; 0 stands for single photos
   * @param fpirs the FPIRs of the DET points and of the operating points
   * @param seed seeds the gallery draws and the tracks
   * @param draws seeded partitions of each person's photos into tracks
   * @param maxTracksPerPerson cap on one person's tracks
   * @param fit the fit protocol ({@link LfwSplit#forFitting}) instead of the held-out strangers
   * @param plot the PNG of the DET curves, or null
   */
  public record Options(
      List<Integer> sizes,
      List<Integer> tracks,
      double[] fpirs,
      long seed,
      int draws,
      int maxTracksPerPerson,
      int maxPeople,
      boolean fit,
      Path plot) {}

  public static void run(Path lfw, Path cacheFile, Options o, PrintWriter out) {
    LfwSplit.requireLayout(lfw);
    LfwSplit all = LfwSplit.read(lfw, o.maxPeople());
    LfwSplit drawn = o.fit() ? all.forFitting(lfw, o.seed()) : all;
    // A "stranger" enrolled under another LFW name is no stranger (see lfw-same-person.txt).
    LfwSplit split = drawn.withoutEnrolledAliases(LfwAliases.load());
    long started = System.nanoTime();
    String modelId;
    try (FacePipeline pipeline = FacePipeline.create(FacePipelineSettings.defaults());
        CodeCache cache = new CodeCache(cacheFile)) {
      new IdentificationEval(pipeline, cache, m -> log.info("LFW codes: {}", m))
          .computeCodes(all.allImages());
      modelId = pipeline.modelId();
      Optional<CalibrationTable> table = CalibrationTable.forModel(modelId);
      if (table.isEmpty()) {
        throw new UserFacingException("no calibration table for " + modelId);
      }
      Thresholds.Tables tables = (q, s) -> q.equals(s) ? table : Optional.empty();
      OpenSetReport report =
          new OpenSetReport(
              new OpenSetProtocol(
                  split,
                  p -> cache.get(IdentificationEval.key(p)),
                  o.seed(),
                  o.draws(),
                  o.maxTracksPerPerson(),
                  DecisionSettings.defaults()),
              modelId,
              new DecisionPolicy(DecisionSettings.defaults()),
              tables);
      JsonMapper json = JsonMapper.builder().build();
      Map<String, double[][]> curves = new LinkedHashMap<>();
      for (Map<String, Object> line : report.measure(o, curves)) {
        out.println(json.writeValueAsString(line));
        out.flush();
      }
      if (o.plot() != null) {
        DetChart.write(o.plot(), "Open-set identification, LFW, " + modelId, curves);
      }
      Map<String, Object> end = new LinkedHashMap<>();
      end.put("eval", "lfw-open-set-run");
      end.put("modelId", modelId);
      end.put("calibration", table.get().source());
      end.put("seed", o.seed());
      end.put("draws", o.draws());
      end.put("maxTracksPerPerson", o.maxTracksPerPerson());
      end.put("protocol", o.fit() ? "fit" : "held-out");
      end.put(
          "strangersLeftOutAsEnrolledAliases", drawn.strangers().size() - split.strangers().size());
      end.put("plot", o.plot() == null ? null : o.plot().toString());
      end.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
      end.put("codeCache", cacheFile.toString());
      out.println(json.writeValueAsString(end));
      out.flush();
    }
  }
}
