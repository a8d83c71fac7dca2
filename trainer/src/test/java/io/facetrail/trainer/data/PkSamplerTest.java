package io.facetrail.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PkSamplerTest {
  private static final Map<String, List<String>> PEOPLE =
      Map.of(
          "A", List.of("A/1", "A/2", "A/3", "A/4", "A/5", "A/6"),
          "B", List.of("B/1", "B/2"),
          "C", List.of("C/1", "C/2", "C/3"),
          "D", List.of("D/1"));

  @Test
  void drawsPDistinctPeopleWithKFacesEach() {
    PkSampler sampler = new PkSampler(PEOPLE, 3, 4, 4);
    // D has one photo: never drawn.
    assertThat(sampler.identityCount()).isEqualTo(3);
    for (int seed = 0; seed < 50; seed++) {
      List<PkSampler.Face> batch = sampler.batch(new SplittableRandom(seed));
      assertThat(batch).hasSize(12);
      Map<Integer, Set<String>> people = new HashMap<>();
      for (PkSampler.Face f : batch) {
        assertThat(f.variant()).isBetween(0, 3);
        people.computeIfAbsent(f.label(), l -> new HashSet<>()).add(f.photo().substring(0, 1));
      }
      assertThat(people).hasSize(3);
      Set<String> seen = new HashSet<>();
      for (Set<String> names : people.values()) {
        assertThat(names).hasSize(1); // one person per label
        assertThat(seen.add(names.iterator().next())).isTrue(); // distinct people
      }
    }
  }

  @Test
  void usesEveryPhotoOfASmallPersonBeforeRepeating() {
    PkSampler sampler = new PkSampler(Map.of("B", PEOPLE.get("B"), "C", PEOPLE.get("C")), 2, 4, 1);
    List<PkSampler.Face> batch = sampler.batch(new SplittableRandom(3));
    Set<String> photosOfB = new HashSet<>();
    for (PkSampler.Face f : batch) {
      if (f.photo().startsWith("B")) {
        photosOfB.add(f.photo());
      }
    }
    assertThat(photosOfB).containsExactlyInAnyOrder("B/1", "B/2");
  }

  @Test
  void refusesMorePeoplePerBatchThanThereAre() {
    assertThatThrownBy(() -> new PkSampler(PEOPLE, 4, 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only 3 identities");
  }
}
