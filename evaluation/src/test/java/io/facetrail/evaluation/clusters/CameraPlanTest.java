package io.facetrail.evaluation.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.evaluation.tracking.metrics.LabelledBox;
import io.facetrail.evaluation.tracking.scene.Actor;
import io.facetrail.evaluation.tracking.scene.FacePhoto;
import io.facetrail.evaluation.tracking.scene.SceneRenderer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CameraPlanTest {
  /** A flat patch standing for person {@code person}'s photo: the plan never looks inside. */
  private static FacePhoto photo(int person) {
    BufferedImage patch = new BufferedImage(150, 180, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < patch.getHeight(); y++) {
      for (int x = 0; x < patch.getWidth(); x++) {
        patch.setRGB(x, y, 0xff000000 | (person * 40 % 256) << 8);
      }
    }
    return new FacePhoto(person, patch, new double[] {0.2, 0.2, 0.6, 0.6});
  }

  /** Five recurring people of 3 appearances (persons 0-4) and three one-photo people (10-12). */
  private static List<List<FacePhoto>> people() {
    List<List<FacePhoto>> people = new ArrayList<>();
    for (int p = 0; p < 5; p++) {
      people.add(List.of(photo(p), photo(p), photo(p)));
    }
    for (int p = 10; p < 13; p++) {
      people.add(List.of(photo(p)));
    }
    return people;
  }

  @Test
  void everyAppearanceIsOneActorAndAPersonsAppearancesAreInDifferentCameras() {
    List<CameraVideo> videos = CameraPlan.defaults(4).layOut(people(), 7);
    assertThat(videos).hasSize(4);
    Map<String, List<String>> camerasOf = new HashMap<>();
    int actors = 0;
    for (CameraVideo v : videos) {
      assertThat(v.scenario().actors()).hasSameSizeAs(v.photos());
      for (Actor a : v.scenario().actors()) {
        actors++;
        camerasOf.computeIfAbsent(v.labelOf(a.id()), k -> new ArrayList<>()).add(v.streamId());
      }
    }
    assertThat(actors).isEqualTo(5 * 3 + 3);
    for (int p = 0; p < 5; p++) {
      assertThat(camerasOf.get(CameraVideo.personLabel(p))).hasSize(3).doesNotHaveDuplicates();
    }
    for (int p = 10; p < 13; p++) {
      assertThat(camerasOf.get(CameraVideo.personLabel(p))).hasSize(1);
    }
    // The busiest camera holds at most one appearance more than the quietest.
    int most = videos.stream().mapToInt(v -> v.photos().size()).max().orElseThrow();
    int least = videos.stream().mapToInt(v -> v.photos().size()).min().orElseThrow();
    assertThat(most - least).isLessThanOrEqualTo(1);
  }

  @Test
  void theRenderedTruthShowsEachAppearanceWhole() {
    CameraPlan plan = CameraPlan.defaults(4);
    for (CameraVideo v : plan.layOut(people(), 7)) {
      SceneRenderer renderer = new SceneRenderer(v.scenario(), v.photos());
      Map<Long, Integer> framesSeen = new HashMap<>();
      for (int f = 0; f < renderer.frames(); f++) {
        List<LabelledBox> visible = renderer.frame(f).truth().objects();
        assertThat(visible.size()).as("people at once").isLessThanOrEqualTo(plan.lanes());
        Set<String> people = new HashSet<>();
        for (LabelledBox b : visible) {
          framesSeen.merge(b.id(), 1, Integer::sum);
          people.add(v.labelOf((int) b.id()));
        }
        assertThat(people).as("one person at a time in a camera").hasSameSizeAs(visible);
      }
      // Crossing takes 1.4 s or more at 10 frames/s, about all of it in view.
      assertThat(framesSeen).hasSize(v.scenario().actors().size());
      assertThat(framesSeen.values()).allMatch(n -> n >= 10);
    }
  }

  @Test
  void theSameSeedLaysOutTheSameVideos() {
    List<CameraVideo> a = CameraPlan.defaults(4).layOut(people(), 3);
    List<CameraVideo> b = CameraPlan.defaults(4).layOut(people(), 3);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).scenario()).isEqualTo(b.get(i).scenario());
    }
  }
}
