package io.facetrail.evaluation.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.evaluation.tracking.TrackingEvaluation.SequenceResult;
import io.facetrail.evaluation.tracking.scene.FacePhoto;
import io.facetrail.evaluation.tracking.scene.Scenario;
import io.facetrail.evaluation.tracking.scene.Scenarios;
import io.facetrail.tracker.track.TrackingParameters;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluation harness end to end with solid-colour "faces" and {@link ColourBlobFakeDetector}:
 * scenes, truth, tracker and scores fit together. Not the evaluation's result (that needs the real
 * face models): with ideal detections and codes, only the hard parts of the scenes (full occlusion,
 * leaving the frame) remain, and the tracker must get through them.
 */
class TrackingEvaluationTest {
  private static final int[] COLOURS = {
    0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0xff00ff, 0x00ffff, 0xff8000, 0x8000ff, 0x0080ff
  };

  @Test
  void idealDetectionsGiveNearPerfectScoresOnEveryScenario() {
    List<FacePhoto> photos = new ArrayList<>();
    for (int i = 0; i < COLOURS.length; i++) {
      photos.add(new FacePhoto(i, ellipse(COLOURS[i]), new double[] {0, 0, 1, 1}));
    }
    TrackingEvaluation evaluation =
        new TrackingEvaluation(
            new ColourBlobFakeDetector(COLOURS), TrackingParameters.defaults(), 0.5, true);
    for (Scenario scenario : Scenarios.all(1)) {
      SequenceResult r = evaluation.run(scenario, photos.subList(0, scenario.photos()));
      assertThat(r.scores().truthTracks()).as(scenario.name()).isEqualTo(scenario.actors().size());
      assertThat(r.scores().idf1()).as(scenario.name() + " IDF1 " + r.scores()).isGreaterThan(0.9);
      // Where two faces overlap heavily, a partly hidden face's box can match its neighbour's
      // better than its own (IoU >= 0.5 either way): the standard matching then counts a switch
      // even when the tracks are right, so allow a couple.
      assertThat(r.scores().idSwitches())
          .as(scenario.name() + " ID switches")
          .isLessThanOrEqualTo(2);
      assertThat(r.scores().mota()).as(scenario.name() + " MOTA").isGreaterThan(0.85);
      assertThat(r.identityTransfers()).as(scenario.name() + " identity transfers").isZero();
    }
  }

  private static BufferedImage ellipse(int rgb) {
    int h = 180;
    int w = (int) Math.round(h * FacePhoto.ASPECT);
    BufferedImage patch = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = patch.createGraphics();
    g.setColor(new Color(rgb));
    g.fillOval(0, 0, w, h);
    g.dispose();
    return patch;
  }
}
