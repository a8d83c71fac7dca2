package io.facetrail.trainer.cli;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.trainer.harmonic.SpeedComparison;
import io.facetrail.trainer.protocol.CompatibilityMatrix;
import io.facetrail.trainer.protocol.FoldResult;
import io.facetrail.trainer.protocol.HeldOutCalibration;
import io.facetrail.trainer.triplet.StepRecord;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON line of one harmonic fold run: configuration, compatibility matrices, speed. */
final class HarmonicReport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TrainHarmonicCommand o;
  private final ResolvedDevice device;
  private final int identities;
  private final Map<String, List<String>> byPerson;

  HarmonicReport(
      TrainHarmonicCommand options,
      ResolvedDevice device,
      int identities,
      Map<String, List<String>> byPerson) {
    this.o = options;
    this.device = device;
    this.identities = identities;
    this.byPerson = byPerson;
  }

  ObjectNode line(
      String id,
      int fold,
      int variants,
      CompatibilityMatrix before,
      CompatibilityMatrix after,
      List<StepRecord> history,
      long trainingWallSeconds) {
    ObjectNode line = JSON.createObjectNode();
    line.put("train", "harmonic");
    line.put("modelId", id);
    ObjectNode config = line.putObject("config");
    config.put("teacher", o.teacher);
    config.put("inputSize", o.inputSize);
    config.put("chipReduction", o.reduction().tag());
    TrainingLine.putOptimiser(config, o.run, fold, o.trainableUnits, o.steps, o.learningRate);
    config.put("tieWeight", o.tieWeight);
    var dropped = config.putArray("droppedUnits");
    o.droppedUnits().forEach(dropped::add);
    config.put("mining", "semi-hard over v1+v2 rows, hardest fallback; no all-v1 triplet");
    config.put("variants", variants);
    config.put("allPhotos", o.run.allPhotos);
    config.put("seed", o.run.seed);
    config.put("device", device.describe());
    config.put("trainingIdentities", identities);
    config.put("trainingPhotos", byPerson.values().stream().mapToInt(List::size).sum());
    put(line.putObject("before"), before);
    put(line.putObject("after"), after);
    TrainingLine.putFinal(line, history);
    line.put("trainingWallSeconds", trainingWallSeconds);
    return line;
  }

  static void putSpeed(ObjectNode line, SpeedComparison.Result s, int threads) {
    ObjectNode speed = line.putObject("speed");
    speed.put("batch", s.batch());
    speed.put("threads", threads);
    speed.put("rounds", s.rounds());
    speed.put("secondsPerMeasurement", s.seconds());
    speed.put("v1FacesPerSecond", round(s.v1().facesPerSecond()));
    speed.put("v2FacesPerSecond", round(s.v2().facesPerSecond()));
    speed.put("v2OverV1MedianOfRounds", round(s.medianRoundRatio()));
    speed.put(
        "v2OverV1RoundMin", round(s.roundRatios().stream().mapToDouble(d -> d).min().orElse(0)));
    speed.put(
        "v2OverV1RoundMax", round(s.roundRatios().stream().mapToDouble(d -> d).max().orElse(0)));
    speed.put("v2OverV1", round(s.ratio()));
    speed.put("v1CpuMillisPerFace", round(s.v1().cpuMillisPerFace()));
    speed.put("v2CpuMillisPerFace", round(s.v2().cpuMillisPerFace()));
    speed.put("v2OverV1ByCpuTime", round(s.cpuRatio()));
  }

  /** The held-out calibration: per table, each rate's threshold and the rate checked. */
  static void putCalibration(ObjectNode line, HeldOutCalibration.Tables t) {
    ObjectNode node = line.putObject("calibration");
    table(node.putArray("own"), t.own());
    table(node.putArray("withV1"), t.withV1());
  }

  private static void table(ArrayNode rows, CalibrationTable t) {
    for (CalibrationTable.Point p : t.points()) {
      ObjectNode row = rows.addObject();
      row.put("falseAcceptRate", p.falseAcceptRate());
      row.put("threshold", round(p.threshold()));
      row.put("checkedFalseAcceptRate", p.checkedFalseAcceptRate());
      row.put("trueAcceptRate", round(p.trueAcceptRate()));
    }
  }

  private static void put(ObjectNode node, CompatibilityMatrix m) {
    cell(node.putObject("v1-v1"), m.v1v1());
    cell(node.putObject("v2-v2"), m.v2v2());
    cell(node.putObject("v1-v2"), m.v1v2());
    cell(node.putObject("v2-v1"), m.v2v1());
    node.put("crossGapPoints", round(m.crossGapPoints()));
  }

  private static void cell(ObjectNode node, FoldResult r) {
    node.put("heldOutAccuracy", r.heldOutAccuracy());
    node.put("threshold", round(r.threshold()));
    node.put("trainingFoldsAccuracy", r.trainingAccuracy());
    node.put("heldOutBestThresholdAccuracy", r.heldOutBestAccuracy());
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
