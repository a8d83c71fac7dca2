package io.facetrail.matcher.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionRate;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Re-decision from the changed persons only gives exactly the decisions of a search of the whole
 * gallery, through enrolments, more photos and erasures; and it turns the tracks it should.
 */
class RedeciderTest {
  private static final String MODEL = "synthetic-test-v1";
  private static final SyntheticFaces FACES = SyntheticFaces.standard(5);
  private static final CalibrationTable TABLE =
      FACES.calibration(MODEL, 400, new double[] {1e-4, 1e-3, 1e-2});
  private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

  private final Thresholds thresholds =
      new Thresholds(DecisionRate.ofFpir(0.01), m -> Optional.of(TABLE));
  private final Redecider redecider =
      new Redecider(new DecisionPolicy(DecisionSettings.defaults()), thresholds, SearchMode.EXACT);
  private final Map<String, ArchivedTrack> tracks = new LinkedHashMap<>();
  private final Map<String, TrackDecision> decisions = new HashMap<>();

  private static PersonRecord person(int identity, int codes) {
    List<StoredCode> c = new ArrayList<>();
    for (int i = 0; i < codes; i++) {
      c.add(new StoredCode("c" + identity + "-" + i, MODEL, FACES.code(identity, i), "", T));
    }
    return new PersonRecord(new Person("p" + identity, "P" + identity, Map.of(), T, T), c);
  }

  private Redecision run(GalleryIndex g, List<PersonRecord> changed, Set<String> ids) {
    Redecision r =
        redecider.redecide(
            v -> tracks.forEach((id, t) -> v.accept(t, decisions.get(id))), g, changed, ids, T);
    r.updates().forEach(d -> decisions.put(d.trackId(), d));
    return r;
  }

  private Map<String, String> fullFromScratch(GalleryIndex g) {
    Map<String, String> out = new HashMap<>();
    redecider
        .redecide(
            v -> tracks.values().forEach(t -> v.accept(t, unknown(t.trackId()))),
            g,
            null,
            Set.of(),
            T)
        .changes()
        .forEach(c -> out.put(c.track().trackId(), c.after().personId()));
    return out;
  }

  private Map<String, String> named() {
    Map<String, String> out = new HashMap<>();
    decisions.forEach(
        (id, d) -> {
          if (d.personId() != null) {
            out.put(id, d.personId());
          }
        });
    return out;
  }

  private static TrackDecision unknown(String id) {
    return new TrackDecision(
        id,
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        -1,
        List.of(),
        false,
        T,
        false,
        0);
  }

  @Test
  void incrementalReDecisionAgreesWithAFullSearchThroughEveryKindOfChange() {
    for (int i = 0; i < 1200; i++) {
      int identity = i % 120;
      Moment at = new Moment(i, 0, T.toEpochMilli());
      ArchivedTrack t =
          new ArchivedTrack(
              "t" + i,
              "v",
              MODEL,
              at,
              at,
              T,
              8,
              FACES.code(identity, 50 + i),
              List.of(),
              null,
              Map.of());
      tracks.put(t.trackId(), t);
      decisions.put(t.trackId(), unknown(t.trackId()));
    }
    GalleryIndex g = GalleryIndex.withDefaults();
    for (int p = 0; p < 40; p++) {
      g.upsert(person(p, 3));
    }
    Redecision first = run(g, null, Set.of());
    assertThat(first.searchedFully()).isEqualTo(1200);
    assertThat(named()).isEqualTo(fullFromScratch(g));
    assertThat(named().size()).as("tracks of the 40 enrolled of 120").isBetween(380, 420);

    // Enrol a stranger: their ten tracks (t40, t160, ...) turn, retroactively.
    PersonRecord p40 = person(40, 3);
    g.upsert(p40);
    Redecision enrol = run(g, List.of(p40), Set.of("p40"));
    assertThat(enrol.searchedFully()).isZero();
    assertThat(enrol.changes())
        .filteredOn(c -> "p40".equals(c.after().personId()))
        .hasSize(10)
        .allSatisfy(
            c -> {
              assertThat(c.before().personId()).isNull();
              assertThat(c.after().retroactive()).isTrue();
              assertThat(c.after().revision()).isEqualTo(1);
            });
    assertThat(named()).isEqualTo(fullFromScratch(g));

    // More photos of one person, another erased.
    PersonRecord p3 = person(3, 6);
    g.upsert(p3);
    g.remove("p7");
    Redecision mixed = run(g, List.of(p3), Set.of("p3", "p7"));
    assertThat(mixed.searchedFully()).isPositive().isLessThan(1200);
    assertThat(named()).isEqualTo(fullFromScratch(g));
    assertThat(named()).doesNotContainValue("p7");
  }

  @Test
  void mergeKeepsTheTwoNearestDistinctPersons() {
    var a = new io.facetrail.matcher.index.Match("a", "", 100, MODEL);
    var b = new io.facetrail.matcher.index.Match("b", "", 300, MODEL);
    var c = new io.facetrail.matcher.index.Match("c", "", 200, MODEL);
    assertThat(Redecider.merge(List.of(a, b), List.of(c)))
        .extracting(m -> m.personId())
        .containsExactly("a", "c");
  }
}
