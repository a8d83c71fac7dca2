package io.facetrail.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class GalleryIndexTest {
  private static final SyntheticFaces FACES = SyntheticFaces.standard(11);
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static PersonRecord person(int identity, int codes, String model) {
    List<StoredCode> list = new ArrayList<>();
    for (int c = 0; c < codes; c++) {
      list.add(new StoredCode("c" + identity + "-" + c, model, FACES.code(identity, c), "", T));
    }
    return new PersonRecord(new Person("p" + identity, "Person " + identity, Map.of(), T, T), list);
  }

  private static List<PersonRecord> gallery(int persons) {
    List<PersonRecord> out = new ArrayList<>();
    for (int i = 0; i < persons; i++) {
      out.add(person(i, 1 + i % 4, "m"));
    }
    return out;
  }

  /** The reference: every code's distance, best per person, sorted. */
  private static List<String> bruteForce(List<PersonRecord> records, byte[] q, int k) {
    Map<String, Integer> best = new HashMap<>();
    for (PersonRecord r : records) {
      for (StoredCode c : r.codes()) {
        best.merge(r.person().id(), FaceCode.squaredCodeDistance(q, c.code()), Math::min);
      }
    }
    return best.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .limit(k)
        .map(Map.Entry::getKey)
        .toList();
  }

  @Test
  void exactScanEqualsBruteForceOnOneThreadAndAllCores() {
    List<PersonRecord> records = gallery(3_000);
    GalleryIndex index =
        new GalleryIndex(ModelCompatibility.sameModelOnly(), new ForkJoinPool(3), 0, 500);
    index.replaceAll(records);
    for (int q = 0; q < 40; q++) {
      byte[] query = FACES.code(q * 13, 500 + q);
      List<String> expected = bruteForce(records, query, 5);
      assertThat(index.search(query, "m", 5, SearchMode.EXACT))
          .extracting(Match::personId)
          .isEqualTo(expected);
      assertThat(index.search(query, "m", 5, SearchMode.EXACT_PARALLEL))
          .extracting(Match::personId)
          .isEqualTo(expected);
    }
  }

  @Test
  void fastSearchFindsTheEnrolledPersonAndMostOfTheTopFive() {
    List<PersonRecord> records = gallery(20_000);
    GalleryIndex index =
        new GalleryIndex(ModelCompatibility.sameModelOnly(), ForkJoinPool.commonPool(), 0, 5_000);
    index.replaceAll(records);
    int rank1 = 0;
    double recall = 0;
    int queries = 100;
    for (int q = 0; q < queries; q++) {
      int identity = q * 197;
      byte[] query = FACES.code(identity, 900 + q);
      List<Match> exact = index.search(query, "m", 5, SearchMode.EXACT);
      List<Match> fast = index.search(query, "m", 5, SearchMode.FAST);
      rank1 += fast.get(0).personId().equals("p" + identity) ? 1 : 0;
      long overlap =
          fast.stream()
              .filter(m -> exact.stream().anyMatch(e -> e.personId().equals(m.personId())))
              .count();
      recall += overlap / 5.0;
      // Whatever the fast search returns carries exact distances.
      assertThat(fast).isSortedAccordingTo(Comparator.comparingInt(Match::squaredCodeDistance));
    }
    assertThat(rank1).isEqualTo(queries);
    assertThat(recall / queries).isGreaterThan(0.9);
  }

  @Test
  void updatesAndRemovalsTakeEffectImmediately() {
    GalleryIndex index = GalleryIndex.withDefaults();
    index.replaceAll(gallery(100));
    byte[] query = FACES.code(42, 77);
    assertThat(index.search(query, "m", 1, SearchMode.EXACT).get(0).personId()).isEqualTo("p42");
    index.remove("p42");
    assertThat(index.search(query, "m", 5, SearchMode.EXACT))
        .extracting(Match::personId)
        .doesNotContain("p42");
    assertThat(index.nameOf("p42")).isEmpty();
    index.upsert(person(42, 2, "m"));
    assertThat(index.search(query, "m", 1, SearchMode.EXACT).get(0).personId()).isEqualTo("p42");
    PersonRecord renamed =
        new PersonRecord(new Person("p42", "Renamed", Map.of(), T, T), person(42, 1, "m").codes());
    index.upsert(renamed);
    assertThat(index.search(query, "m", 1, SearchMode.EXACT).get(0).name()).isEqualTo("Renamed");
    assertThat(index.personCount()).isEqualTo(100);
    assertThat(index.codeCount())
        .isEqualTo(gallery(100).stream().mapToInt(r -> r.codes().size()).sum() - 2);
  }

  @Test
  void comparesOnlyCompatibleModels() {
    GalleryIndex same = GalleryIndex.withDefaults();
    same.replaceAll(List.of(person(1, 2, "old"), person(2, 2, "new")));
    byte[] query = FACES.code(1, 50);
    assertThat(same.search(query, "new", 5, SearchMode.EXACT))
        .extracting(Match::personId)
        .containsExactly("p2");
    assertThat(same.search(query, "other", 5, SearchMode.EXACT)).isEmpty();
    GalleryIndex harmonic =
        new GalleryIndex(
            (q, s) -> q.equals(s) || (q.equals("new") && s.equals("old")),
            ForkJoinPool.commonPool(),
            0,
            100);
    harmonic.replaceAll(List.of(person(1, 2, "old"), person(2, 2, "new")));
    assertThat(harmonic.search(query, "new", 1, SearchMode.EXACT).get(0).personId())
        .isEqualTo("p1");
  }

  @Test
  void aMatchNamesTheModelOfThePersonsNearestCodeInEveryMode() {
    // Each person has image 0 stored as model "a" and image 1 as model "b".
    List<PersonRecord> records = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      records.add(
          new PersonRecord(
              new Person("p" + i, "Person " + i, Map.of(), T, T),
              List.of(
                  new StoredCode("a" + i, "a", FACES.code(i, 0), "", T),
                  new StoredCode("b" + i, "b", FACES.code(i, 1), "", T))));
    }
    GalleryIndex index = new GalleryIndex((q, s) -> true, new ForkJoinPool(2), 0, 500);
    index.replaceAll(records);
    for (SearchMode mode : SearchMode.values()) {
      for (int i = 0; i < 3_000; i += 250) {
        Match viaB = index.search(FACES.code(i, 1), "q", 3, mode).get(0);
        assertThat(viaB.personId()).as(mode.name()).isEqualTo("p" + i);
        assertThat(viaB.squaredCodeDistance()).isZero();
        assertThat(viaB.modelId()).as(mode.name()).isEqualTo("b");
        Match viaA = index.search(FACES.code(i, 0), "q", 3, mode).get(0);
        assertThat(viaA.modelId()).as(mode.name()).isEqualTo("a");
      }
    }
  }

  @Test
  void manyInsertsAndRemovalsKeepTheIdTableConsistent() {
    GalleryIndex index = GalleryIndex.withDefaults();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 2_000; i++) {
        index.upsert(person(i, 1, "m"));
      }
      for (int i = 0; i < 2_000; i += 2) {
        index.remove("p" + i);
      }
    }
    assertThat(index.personCount()).isEqualTo(1_000);
    assertThat(index.nameOf("p1")).contains("Person 1");
    assertThat(index.nameOf("p2")).isEmpty();
    assertThat(index.search(FACES.code(7, 300), "m", 1, SearchMode.EXACT).get(0).personId())
        .isEqualTo("p7");
  }
}
