package io.facetrail.evaluation.tracking.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.tracker.box.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made cases whose scores can be worked out on paper (see each comment). */
class MotEvaluatorTest {
  private final MotEvaluator evaluator = new MotEvaluator(0.5);
  private final List<FrameTruth> truth = new ArrayList<>();
  private final List<List<LabelledBox>> hyps = new ArrayList<>();

  @Test
  void perfectTrackingScoresOne() {
    for (int f = 0; f < 5; f++) {
      frame(List.of(box(1, 0), box(2, 300)), List.of(box(10, 0), box(20, 300)));
    }
    TrackingScores s = evaluate();
    assertThat(s.mota()).isEqualTo(1.0);
    assertThat(s.idf1()).isEqualTo(1.0);
    assertThat(s.idSwitches()).isZero();
    assertThat(s.motp()).isEqualTo(1.0);
    assertThat(s.mostlyTracked()).isEqualTo(2);
  }

  @Test
  void aTrackChangeMidwayIsOneSwitchAndHalvesIdf1() {
    // 6 frames; track 10 covers frames 0-2, track 11 frames 3-5.
    for (int f = 0; f < 6; f++) {
      frame(List.of(box(1, 0)), List.of(box(f < 3 ? 10 : 11, 0)));
    }
    TrackingScores s = evaluate();
    assertThat(s.idSwitches()).isEqualTo(1);
    assertThat(s.mota()).isCloseTo(1 - 1 / 6.0, within(1e-12));
    // IDTP = 3 (the object pairs with one of the two tracks): 2 * 3 / (6 + 6).
    assertThat(s.idf1()).isCloseTo(0.5, within(1e-12));
    assertThat(s.idSwitchesPer100Tracks()).isEqualTo(100.0);
  }

  @Test
  void twoObjectsSwappingTracksAreTwoSwitches() {
    for (int f = 0; f < 10; f++) {
      boolean swapped = f >= 5;
      frame(
          List.of(box(1, 0), box(2, 300)),
          List.of(box(swapped ? 20 : 10, 0), box(swapped ? 10 : 20, 300)));
    }
    TrackingScores s = evaluate();
    assertThat(s.idSwitches()).isEqualTo(2);
    assertThat(s.idf1()).isCloseTo(10 / 20.0, within(1e-12));
    assertThat(s.mota()).isCloseTo(1 - 2 / 20.0, within(1e-12));
  }

  @Test
  void missesAndFalsePositivesCountOncePerBox() {
    frame(List.of(box(1, 0), box(2, 300)), List.of(box(10, 0), box(30, 600)));
    frame(List.of(box(1, 0), box(2, 300)), List.of(box(10, 0), box(20, 300)));
    TrackingScores s = evaluate();
    assertThat(s.misses()).isEqualTo(1);
    assertThat(s.falsePositives()).isEqualTo(1);
    assertThat(s.mota()).isCloseTo(1 - 2 / 4.0, within(1e-12));
    // Pairings 1-10 (2 frames) and 2-20 (1 frame): IDTP 3 of 4 + 4 boxes.
    assertThat(s.idf1()).isCloseTo(6 / 8.0, within(1e-12));
  }

  @Test
  void aResumedTrackIsAFragmentationNotASwitch() {
    frame(List.of(box(1, 0)), List.of(box(10, 0)));
    frame(List.of(box(1, 0)), List.of(box(10, 0)));
    frame(List.of(box(1, 0)), List.of());
    frame(List.of(box(1, 0)), List.of(box(10, 0)));
    TrackingScores s = evaluate();
    assertThat(s.fragmentations()).isEqualTo(1);
    assertThat(s.idSwitches()).isZero();
    assertThat(s.misses()).isEqualTo(1);
  }

  @Test
  void aNewTrackAfterTheObjectWasAbsentStillCountsAsASwitch() {
    frame(List.of(box(1, 0)), List.of(box(10, 0)));
    frame(List.of(), List.of());
    frame(List.of(box(1, 0)), List.of(box(11, 0)));
    TrackingScores s = evaluate();
    assertThat(s.idSwitches()).isEqualTo(1);
    assertThat(s.fragmentations()).as("absent is not interrupted").isZero();
  }

  @Test
  void aStillValidCorrespondenceIsKeptOverABetterOverlap() {
    frame(List.of(box(1, 0)), List.of(box(10, 0)));
    // Track 10 drifts a little; track 11 sits exactly on the object.
    frame(
        List.of(box(1, 0)),
        List.of(new LabelledBox(10, new BoundingBox(10, 0, 100, 100)), box(11, 0)));
    TrackingScores s = evaluate();
    assertThat(s.idSwitches()).isZero();
    assertThat(s.falsePositives()).isEqualTo(1);
  }

  @Test
  void hypothesesOnDontCareObjectsAreNeitherMatchesNorFalsePositives() {
    truth.add(new FrameTruth(List.of(box(1, 0)), List.of(new BoundingBox(300, 0, 100, 100))));
    hyps.add(List.of(box(10, 0), box(20, 300)));
    TrackingScores s = evaluate();
    assertThat(s.falsePositives()).isZero();
    assertThat(s.hypothesisBoxes()).isEqualTo(1);
    assertThat(s.mota()).isEqualTo(1.0);
  }

  @Test
  void boxesBelowTheIouThresholdDoNotMatch() {
    // IoU of boxes offset by 60 px of 100: 40 / 160 = 0.25.
    frame(List.of(box(1, 0)), List.of(box(10, 60)));
    TrackingScores s = evaluate();
    assertThat(s.matches()).isZero();
    assertThat(s.misses()).isEqualTo(1);
    assertThat(s.falsePositives()).isEqualTo(1);
    assertThat(s.mostlyLost()).isEqualTo(1);
  }

  @Test
  void scoresOfSequencesAddUp() {
    frame(List.of(box(1, 0)), List.of(box(10, 0)));
    TrackingScores a = evaluate();
    TrackingScores both = a.plus(a);
    assertThat(both.truthBoxes()).isEqualTo(2);
    assertThat(both.idf1()).isEqualTo(1.0);
    assertThat(TrackingScores.zero().plus(a)).isEqualTo(a);
  }

  private void frame(List<LabelledBox> objects, List<LabelledBox> hypotheses) {
    truth.add(new FrameTruth(objects, List.of()));
    hyps.add(hypotheses);
  }

  private TrackingScores evaluate() {
    return evaluator.evaluate(truth, hyps);
  }

  private static LabelledBox box(long id, double x) {
    return new LabelledBox(id, new BoundingBox(x, 0, 100, 100));
  }
}
