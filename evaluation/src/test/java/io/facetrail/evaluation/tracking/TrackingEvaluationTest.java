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
    // Measured with these ideal detections (2026-12-07): MOTA 0.954-1.000, IDF1 0.96-1.00, one
    // track per actor everywhere, no switch except the two counted in "irregular".
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
      assertThat(r.scores().hypothesisTracks())
          .as(scenario.name() + " tracks (one per actor, none broken up)")
          .isEqualTo(scenario.actors().size());
      assertThat(r.scores().idf1()).as(scenario.name() + " IDF1 " + r.scores()).isGreaterThan(0.95);
      assertThat(r.scores().mota()).as(scenario.name() + " MOTA " + r.scores()).isGreaterThan(0.95);
      // In "irregular" two faces overlap heavily: a partly hidden face's box can match its
      // neighbour's better than its own (IoU >= 0.5 either way), and the standard matching counts
      // a switch although the tracks are right (2 measured on 2026-12-07). Nowhere else.
      assertThat(r.scores().idSwitches())
          .as(scenario.name() + " ID switches")
          .isLessThanOrEqualTo(scenario.name().equals("irregular") ? 2 : 0);
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
