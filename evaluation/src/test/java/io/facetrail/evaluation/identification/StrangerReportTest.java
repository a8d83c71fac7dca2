package io.facetrail.evaluation.identification;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.matcher.archive.FaceQuality;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made codes at known distances: what the comparison and decision lines count. */
class StrangerReportTest {
  private static final int PERSONS = 10;
  private static final FaceQuality SHARP = new FaceQuality(80, 0.02, 120);
  private static final FaceQuality BLURRED = new FaceQuality(30, 0.003, 120);

  private static byte[] axis(int i) {
    float[] v = new float[FaceCode.DIMENSIONS];
    v[i] = 1;
    return FaceCode.quantise(v);
  }

  /** Halfway between two axes: about 0.77 from either, far beyond every threshold. */
  private static byte[] between(int i, int j) {
    float[] v = new float[FaceCode.DIMENSIONS];
    v[i] = (float) Math.sqrt(0.5);
    v[j] = (float) Math.sqrt(0.5);
    return FaceCode.quantise(v);
  }

  private static StrangerReport report() {
    List<byte[]> gallery = new ArrayList<>();
    for (int p = 0; p < PERSONS; p++) {
      gallery.add(axis(p));
    }
    // The blurred track is person 0's code itself: a stranger who would be named whenever person 0
    // is enrolled. The sharp one lies far from everybody.
    List<StrangerTrack> tracks =
        List.of(
            new StrangerTrack("t-blurred", 5, axis(0), List.of(axis(0)), BLURRED),
            new StrangerTrack("t-sharp", 5, between(1, 2), List.of(between(1, 2)), SHARP));
    return new StrangerReport(
        tracks,
        gallery,
        CalibrationTable.forModel("dlib-r29-v1").orElseThrow(),
        new DecisionPolicy(DecisionSettings.defaults()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> line(
      List<Map<String, Object>> lines,
      String key,
      String band,
      String range,
      String rateKey,
      double rate) {
    return lines.stream()
        .map(l -> (Map<String, Object>) l.get(key))
        .filter(
            l ->
                l.get("band").equals(band)
                    && l.get("range").equals(range)
                    && ((Double) l.get(rateKey)) == rate)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void comparisonsCountPairsWithinTheTrackThresholdPerBand() {
    List<Map<String, Object>> lines = report().comparisons(new double[] {1e-3});
    Map<String, Object> all = line(lines, "strangerComparisons", "all", "all", "far", 1e-3);
    assertThat(all.get("tracks")).isEqualTo(2);
    assertThat(all.get("trackPairs")).isEqualTo(2L * PERSONS);
    assertThat(all.get("trackAccepts")).isEqualTo(1L);
    assertThat(all.get("frameAccepts")).isEqualTo(1L);
    Map<String, Object> blurred =
        line(lines, "strangerComparisons", "sharpness", "0.0-0.005", "far", 1e-3);
    assertThat(blurred.get("tracks")).isEqualTo(1);
    assertThat((Double) blurred.get("trackFar")).isEqualTo(0.1);
    assertThat((Double) blurred.get("trackFarRatio")).isEqualTo(100.0);
    Map<String, Object> sharp =
        line(lines, "strangerComparisons", "sharpness", ">=0.012", "far", 1e-3);
    assertThat(sharp.get("trackAccepts")).isEqualTo(0L);
  }

  @Test
  void decisionsNameATrackWhenTheDrawnGalleryHoldsItsLookAlike() {
    List<Map<String, Object>> lines =
        report().decisions(List.of(1, 0), new double[] {1e-2}, 1000, 5);
    Map<String, Object> one =
        lines.stream()
            .map(l -> (Map<String, Object>) l.get("strangerDecisions"))
            .filter(l -> l.get("gallerySize").equals(1) && l.get("band").equals("all"))
            .findFirst()
            .orElseThrow();
    assertThat(one.get("decisions")).isEqualTo(2000L);
    // Person 0 is drawn in about one gallery of ten; only then is the blurred track named.
    assertThat((Long) one.get("named")).isBetween(70L, 130L);
    assertThat(one.get("tracksEverNamed")).isEqualTo(1);
    Map<String, Object> everybody =
        lines.stream()
            .map(l -> (Map<String, Object>) l.get("strangerDecisions"))
            .filter(l -> l.get("gallerySize").equals(PERSONS) && l.get("band").equals("all"))
            .findFirst()
            .orElseThrow();
    assertThat(everybody.get("galleries")).isEqualTo(1);
    assertThat(everybody.get("named")).isEqualTo(1L);
  }
}
