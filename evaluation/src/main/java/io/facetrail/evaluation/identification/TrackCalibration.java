package io.facetrail.evaluation.identification;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.calibration.Calibrator;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entry point of {@code facetrail eval calibrate-tracks}: thresholds for a track's aggregate of
 * several faces, measured as the single-face table was (fit on the people of LFW folds 1-5, checked
 * on the disjoint people of folds 6-10, at the table's own FARs). A track of k faces of one person
 * is folded exactly as the matcher folds it, and compared with every photo of every other person
 * (impostor pairs) and with the person's photos outside the track (genuine pairs, for the check).
 */
public final class TrackCalibration {
  private static final Logger log = LoggerFactory.getLogger(TrackCalibration.class);

  private TrackCalibration() {}

  /**
   * What to calibrate.
   *
   * @param faces aggregate sizes, each at least 2
   * @param seed seeds which photos form each track
   * @param draws seeded partitions of each person's photos into tracks
   * @param maxTracksPerPerson cap on one person's tracks of one size
   */
  public record Options(List<Integer> faces, long seed, int draws, int maxTracksPerPerson) {}

  /** One side of the calibration: every face of its people, and their tracks of each size. */
  private record Side(
      List<Calibrator.Sample> samples, Map<Integer, List<Calibrator.Aggregate>> aggregates) {}

  /**
   * Writes {@code table} with track thresholds to {@code outFile}.
   *
   * @param tableFile the single-face table to extend; null for the shipped table of the model
   */
  public static void run(
      Path lfw, Path cacheFile, Path tableFile, Path outFile, Options o, PrintWriter out) {
    LfwSplit.requireLayout(lfw);
    Path pairs = lfw.resolve("pairs.txt");
    LfwSplit all = LfwSplit.read(lfw, Integer.MAX_VALUE);
    Map<String, List<Path>> photos = new TreeMap<>(all.enrolled());
    photos.putAll(all.strangers());
    Set<String> fitPeople = LfwSplit.peopleOfFolds(pairs, 1, 5);
    Set<String> checkPeople = new HashSet<>(LfwSplit.peopleOfFolds(pairs, 6, 10));
    checkPeople.removeAll(fitPeople);
    try (FacePipeline pipeline = FacePipeline.create(FacePipelineSettings.defaults());
        CodeCache cache = new CodeCache(cacheFile)) {
      new IdentificationEval(pipeline, cache, m -> log.info("LFW codes: {}", m))
          .computeCodes(all.allImages());
      String modelId = pipeline.modelId();
      CalibrationTable base = base(tableFile, modelId);
      double[] fars =
          base.points().stream().mapToDouble(CalibrationTable.Point::falseAcceptRate).toArray();
      Side fit = side(fitPeople, photos, cache, o);
      Side check = side(checkPeople, photos, cache, o);
      List<CalibrationTable.TrackPoints> tracks = new ArrayList<>();
      StringBuilder counts = new StringBuilder();
      JsonMapper json = JsonMapper.builder().build();
      for (int k : o.faces()) {
        List<Calibrator.Aggregate> fitAggregates = fit.aggregates().get(k);
        List<Calibrator.Aggregate> checkAggregates = check.aggregates().get(k);
        CalibrationTable.TrackPoints t =
            Calibrator.calibrateTracks(
                k, fitAggregates, fit.samples(), checkAggregates, check.samples(), fars);
        tracks.add(t);
        counts.append(
            String.format(
                java.util.Locale.ROOT,
                "; tracks of %d faces: %d fit, %d check aggregates",
                k,
                fitAggregates.size(),
                checkAggregates.size()));
        out.println(json.writeValueAsString(summary(base, t, fitAggregates, checkAggregates)));
        out.flush();
      }
      CalibrationTable result =
          new CalibrationTable(
              modelId,
              base.source() + counts + " (seed " + o.seed() + ", " + o.draws() + " draws)",
              base.points(),
              tracks);
      Files.writeString(outFile, result.toJson() + "\n");
      out.println("{\"eval\":\"calibrate-tracks\",\"written\":\"" + outFile + "\"}");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outFile, e);
    }
  }

  private static CalibrationTable base(Path tableFile, String modelId) throws IOException {
    if (tableFile == null) {
      return CalibrationTable.forModel(modelId)
          .orElseThrow(() -> new UserFacingException("no calibration table for " + modelId));
    }
    try (var in = Files.newInputStream(tableFile)) {
      return CalibrationTable.read(in);
    }
  }

  private static Side side(
      Set<String> people, Map<String, List<Path>> photos, CodeCache cache, Options o) {
    List<Calibrator.Sample> samples = new ArrayList<>();
    Map<Integer, List<Calibrator.Aggregate>> aggregates = new LinkedHashMap<>();
    o.faces().forEach(k -> aggregates.put(k, new ArrayList<>()));
    int identity = 0;
    for (String person : people.stream().sorted().toList()) {
      List<Path> own = photos.get(person);
      if (own == null) {
        continue;
      }
      List<CachedFace> faces = new ArrayList<>();
      List<Integer> indices = new ArrayList<>();
      for (Path p : own) {
        Optional<CachedFace> f = cache.get(IdentificationEval.key(p));
        if (f.isPresent()) {
          indices.add(samples.size());
          samples.add(new Calibrator.Sample(identity, f.get().code()));
          faces.add(f.get());
        }
      }
      for (int k : o.faces()) {
        for (List<Integer> track :
            TrackFolds.draws(
                person, faces.size(), k, o.seed(), o.draws(), o.maxTracksPerPerson())) {
          Probe p =
              TrackFolds.fold(
                  person, track.stream().map(faces::get).toList(), DecisionSettings.defaults());
          // Only aggregates of exactly k good faces stand for tracks of k faces.
          if (p.faces() == k) {
            int[] members = track.stream().mapToInt(indices::get).toArray();
            aggregates.get(k).add(new Calibrator.Aggregate(identity, p.code(), members));
          }
        }
      }
      identity++;
    }
    return new Side(samples, aggregates);
  }

  private static Map<String, Object> summary(
      CalibrationTable base,
      CalibrationTable.TrackPoints t,
      List<Calibrator.Aggregate> fit,
      List<Calibrator.Aggregate> check) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("eval", "calibrate-tracks");
    m.put("faces", t.faces());
    m.put("fitAggregates", fit.size());
    m.put("checkAggregates", check.size());
    List<Map<String, Object>> points = new ArrayList<>();
    for (CalibrationTable.Point p : t.points()) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("far", p.falseAcceptRate());
      q.put("threshold", round(p.threshold()));
      q.put("singleFaceThreshold", round(base.thresholdFor(p.falseAcceptRate())));
      q.put("checkedFar", p.checkedFalseAcceptRate());
      q.put("checkedTar", round(p.trueAcceptRate()));
      points.add(q);
    }
    m.put("points", points);
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
