package io.facetrail.evaluation.tracking.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.evaluation.tracking.metrics.FrameTruth;
import io.facetrail.evaluation.tracking.scene.Actor.Keyframe;
import io.facetrail.shots.ImageSignatures;
import io.facetrail.shots.ShotBoundaryDetector;
import io.facetrail.shots.ShotSettings;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneRendererTest {
  private final FacePhoto photo =
      new FacePhoto(
          0,
          new BufferedImage(150, 180, BufferedImage.TYPE_INT_ARGB),
          new double[] {0.2, 0.25, 0.6, 0.5});

  @Test
  void actorsMoveLinearlyBetweenKeyframesAndExistOnlyWithinThem() {
    Actor a =
        new Actor(0, 0, 0, List.of(new Keyframe(1, 100, 100, 100), new Keyframe(3, 300, 200, 140)));
    assertThat(a.at(0.5)).isEmpty();
    assertThat(a.at(3.5)).isEmpty();
    Keyframe mid = a.at(2).orElseThrow();
    assertThat(mid.cx()).isCloseTo(200, within(1e-9));
    assertThat(mid.cy()).isCloseTo(150, within(1e-9));
    assertThat(mid.height()).isCloseTo(120, within(1e-9));
  }

  @Test
  void truthFollowsThePhotosReferenceBox() {
    Scenario s = scenario(new Actor(7, 0, 0, List.of(new Keyframe(0, 480, 270, 180))));
    FrameTruth t = new SceneRenderer(s, List.of(photo)).frame(0).truth();
    assertThat(t.objects())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.id()).isEqualTo(7);
              // Patch 150x180 centred at (480, 270): left 405, top 180.
              assertThat(o.box().x()).isCloseTo(405 + 0.2 * 150, within(1e-9));
              assertThat(o.box().y()).isCloseTo(180 + 0.25 * 180, within(1e-9));
              assertThat(o.box().width()).isCloseTo(0.6 * 150, within(1e-9));
              assertThat(o.box().height()).isCloseTo(0.5 * 180, within(1e-9));
            });
  }

  @Test
  void aFaceBehindAnotherOrMostlyOutOfFrameIsDontCare() {
    Scenario hidden =
        scenario(
            new Actor(0, 0, 0, List.of(new Keyframe(0, 480, 270, 180))),
            new Actor(1, 0, 1, List.of(new Keyframe(0, 540, 270, 180))));
    FrameTruth t = new SceneRenderer(hidden, List.of(photo)).frame(0).truth();
    assertThat(t.objects()).extracting(o -> o.id()).containsExactly(1L);
    assertThat(t.ignored()).hasSize(1);

    Scenario leaving = scenario(new Actor(0, 0, 0, List.of(new Keyframe(0, 990, 270, 180))));
    FrameTruth edge = new SceneRenderer(leaving, List.of(photo)).frame(0).truth();
    assertThat(edge.objects()).isEmpty();
    assertThat(edge.ignored()).hasSize(1);
  }

  @Test
  void everyScenarioIsWellFormed() {
    for (Scenario s : Scenarios.all(3)) {
      assertThat(s.frameTimes()).as(s.name()).isSorted().hasSizeGreaterThan(40);
      assertThat(s.actors()).extracting(Actor::id).doesNotHaveDuplicates();
    }
    assertThat(Scenarios.all(3))
        .extracting(Scenario::name)
        .containsExactly(
            "crossing", "occlusion", "exit-reenter", "crowd", "approach", "irregular", "cut");
  }

  @Test
  void theCutScenarioChangesViewWhereItsShotsChangeAndTheShotDetectorSeesIt() {
    Scenario cut = Scenarios.cut(5);
    List<FacePhoto> photos = new ArrayList<>();
    for (int i = 0; i < cut.photos(); i++) {
      photos.add(new FacePhoto(i, photo.patch(), new double[] {0.2, 0.25, 0.6, 0.5}));
    }
    SceneRenderer renderer = new SceneRenderer(cut, photos);
    ShotBoundaryDetector shots = new ShotBoundaryDetector(ShotSettings.defaults());
    List<Long> found = new ArrayList<>();
    for (int f = 0; f < renderer.frames(); f++) {
      SceneRenderer.Frame frame = renderer.frame(f);
      shots
          .push(ImageSignatures.of(frame.image(), Math.round(frame.time() * 1e6)))
          .forEach(b -> found.add(b.frameIndex()));
    }
    shots.finish().forEach(b -> found.add(b.frameIndex()));
    // 10 fps: the cuts at 3 s and 6 s are frames 30 and 60.
    assertThat(found).containsExactly(30L, 60L);
    assertThat(cut.shotAt(2.9)).isZero();
    assertThat(cut.shotAt(3.0)).isEqualTo(1);
    assertThat(cut.shotAt(8.0)).isEqualTo(2);
  }

  private static Scenario scenario(Actor... actors) {
    return new Scenario("test", 960, 540, List.of(0.0), List.of(actors), 1);
  }
}
