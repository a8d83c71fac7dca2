package io.facetrail.evaluation.identification;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.decision.DecisionSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OpenSetProtocolTest {
  private final Map<Path, Optional<CachedFace>> faces = new HashMap<>();

  private List<Path> person(String name, int photos, float quality) {
    SplittableRandom r = new SplittableRandom(name.hashCode());
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < photos; i++) {
      Path p = Path.of(name, name + "_" + i + ".jpg");
      float[] v = new float[FaceCode.DIMENSIONS];
      for (int d = 0; d < v.length; d++) {
        v[d] = (float) r.nextGaussian();
      }
      float[] unit = FaceCode.normalise(v);
      faces.put(p, Optional.of(new CachedFace(FaceCode.quantise(unit), quality, unit)));
      out.add(p);
    }
    return out;
  }

  private OpenSetProtocol protocol(long seed) {
    Map<String, List<Path>> enrolled = new TreeMap<>();
    enrolled.put("a", person("a", 7, 0.8f));
    enrolled.put("b", person("b", 1, 0.8f));
    enrolled.put("c", person("c", 3, 0.8f));
    Map<String, List<Path>> strangers = new TreeMap<>();
    strangers.put("x", person("x", 5, 0.8f));
    strangers.put("y", person("y", 2, 0.1f)); // Too poor to enter any aggregate.
    Path noFace = Path.of("x", "x_9.jpg");
    faces.put(noFace, Optional.empty());
    strangers.get("x").add(noFace);
    return new OpenSetProtocol(
        new LfwSplit(enrolled, strangers),
        p -> faces.getOrDefault(p, Optional.empty()),
        seed,
        3,
        10,
        DecisionSettings.defaults());
  }

  @Test
  void galleriesTakePersonsWithSeveralPhotosFirst() {
    List<String> order = protocol(1).eligible();
    assertThat(order).hasSize(3);
    assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("a", "c");
    assertThat(order.get(2)).isEqualTo("b");
    assertThat(protocol(1).eligible()).isEqualTo(order);
  }

  @Test
  void singlePhotoSearchesSkipTheEnrolmentPhotoAndPhotosWithoutFace() {
    OpenSetProtocol p = protocol(1);
    assertThat(p.mated(List.of("a", "b", "c"), 0)).hasSize(6 + 0 + 2);
    assertThat(p.strangers(0)).hasSize(5 + 2);
  }

  @Test
  void tracksAreDistinctSetsOfKPhotosAggregatedAsTheMatcherDoes() {
    OpenSetProtocol p = protocol(1);
    List<Probe> tracks = p.mated(List.of("a"), 3);
    // a's six search photos: three partitions into two tracks of three, repeats kept once.
    assertThat(tracks).hasSizeBetween(2, 6);
    assertThat(tracks).allMatch(Probe::decidable);
    List<Probe> strangers = p.strangers(5);
    assertThat(strangers).hasSize(1); // x: its five photos with a face; y has only two.
    List<Probe> poor = p.strangers(2);
    assertThat(poor.stream().filter(t -> t.person().equals("y")))
        .singleElement()
        .matches(t -> !t.decidable());
  }

  @Test
  void aOnePhotoTrackIsThatPhotosCodeRequantised() {
    OpenSetProtocol p = protocol(1);
    List<Probe> ones = p.mated(List.of("c"), 1);
    assertThat(ones).hasSize(2);
    List<Path> photos = List.of(Path.of("c", "c_1.jpg"), Path.of("c", "c_2.jpg"));
    List<byte[]> expected = new ArrayList<>();
    for (Path photo : photos) {
      expected.add(faces.get(photo).orElseThrow().code());
    }
    assertThat(ones)
        .extracting(Probe::code)
        .allSatisfy(c -> assertThat(expected).anyMatch(e -> java.util.Arrays.equals(e, c)));
  }
}
