package io.facetrail.trainer.protocol;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.calibration.Calibrator;
import io.facetrail.trainer.data.LfwFolds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calibration tables of a trained model, from the only people it has not seen: those of its
 * held-out fold. Their identities are split in two halves (alternately, in the fold's order): the
 * thresholds are chosen on one half's impostor pairs and checked on the other's, as {@code eval
 * calibrate} does for v1 with folds 1-5 and 6-10. Two tables are written into the model's folder,
 * in the files the matcher reads: {@code calibration.json} (the model's codes with its own) and
 * {@code calibration-<v1 id>.json} (its codes with v1's, for a gallery enrolled with v1).
 *
 * <p>One fold has about 1,100 photos of some 550 people, so the 1e-4 point rests on about 15
 * impostor pairs of 150,000: good enough to run, not to trust at that rate.
 */
public final class HeldOutCalibration {
  /** The rates calibrated, as in the v1 table. */
  private static final double[] RATES = {1e-2, 1e-3, 1e-4};

  private HeldOutCalibration() {}

  /** The two tables computed. */
  public record Tables(CalibrationTable own, CalibrationTable withV1) {}

  /**
   * Computes both tables and writes them into {@code dir}.
   *
   * @param v1 L2-normalised v1 embedding of every photo of the held-out fold's pairs
   * @param v2 the trained model's embedding of the same photos
   */
  public static Tables write(
      Path dir,
      String modelId,
      String v1Id,
      LfwFolds folds,
      int testFold,
      Map<String, float[]> v1,
      Map<String, float[]> v2) {
    Map<String, Integer> label = new HashMap<>();
    for (String name : folds.identitiesOf(testFold)) {
      label.put(name, label.size());
    }
    List<Calibrator.Sample> fit2 = new ArrayList<>();
    List<Calibrator.Sample> fit1 = new ArrayList<>();
    List<Calibrator.Sample> check2 = new ArrayList<>();
    List<Calibrator.Sample> check1 = new ArrayList<>();
    for (String photo : folds.pairPhotosOfFolds(List.of(testFold))) {
      int id = label.get(photo.substring(0, photo.indexOf('/')));
      boolean fit = id % 2 == 0;
      (fit ? fit2 : check2).add(sample(id, v2, photo));
      (fit ? fit1 : check1).add(sample(id, v1, photo));
    }
    String source =
        "LFW held-out fold "
            + testFold
            + " (people never trained on), identities split alternately into fit and check halves";
    CalibrationTable own =
        Calibrator.calibrate(modelId, source + "; " + modelId + " codes", fit2, check2, RATES);
    CalibrationTable withV1 =
        Calibrator.calibrateAcross(
            modelId,
            source + "; " + modelId + " codes against " + v1Id + " codes",
            fit2,
            fit1,
            check2,
            check1,
            RATES);
    try {
      Files.writeString(dir.resolve("calibration.json"), own.toJson() + "\n");
      Files.writeString(dir.resolve("calibration-" + v1Id + ".json"), withV1.toJson() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the calibration tables into " + dir, e);
    }
    return new Tables(own, withV1);
  }

  private static Calibrator.Sample sample(int id, Map<String, float[]> embeddings, String photo) {
    float[] e = embeddings.get(photo);
    if (e == null) {
      throw new IllegalStateException("no embedding of a held-out photo");
    }
    return new Calibrator.Sample(id, FaceCode.quantise(e));
  }
}
