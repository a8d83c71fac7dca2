package io.facetrail.benchmarks.gallery;

import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The benchmark's gallery: identities {@code 0..persons-1}, each with between 1 and {@code 2 *
 * meanCodes - 1} codes (uniform), generated in chunks so that the generator's own objects never
 * dominate the heap being measured.
 */
final class BenchGallery {
  static final String MODEL = "synthetic-bench-v1";

  private final SyntheticFaces faces;
  private final int persons;
  private final int[] codesOf;
  private final long seed;

  BenchGallery(SyntheticFaces faces, int totalCodes, int meanCodes, long seed) {
    this.faces = faces;
    this.seed = seed;
    SplittableRandom r = new SplittableRandom(seed);
    List<Integer> counts = new ArrayList<>();
    int total = 0;
    while (total < totalCodes) {
      int n = Math.min(totalCodes - total, 1 + r.nextInt(2 * meanCodes - 1));
      counts.add(n);
      total += n;
    }
    persons = counts.size();
    codesOf = counts.stream().mapToInt(Integer::intValue).toArray();
  }

  int persons() {
    return persons;
  }

  int codesOf(int identity) {
    return codesOf[identity];
  }

  /** Hands the gallery to {@code sink} in chunks of about {@code chunk} persons. */
  void generate(int chunk, Consumer<List<PersonRecord>> sink) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int from = 0; from < persons; from += chunk) {
      List<PersonRecord> out = new ArrayList<>(chunk);
      for (int id = from; id < Math.min(persons, from + chunk); id++) {
        String personId = new UUID(seed, id).toString();
        Person p = new Person(personId, "Person " + id, Map.of(), t, t);
        List<StoredCode> codes = new ArrayList<>(codesOf[id]);
        for (int c = 0; c < codesOf[id]; c++) {
          codes.add(new StoredCode(personId + "-" + c, MODEL, faces.code(id, c), "synthetic", t));
        }
        out.add(new PersonRecord(p, codes));
      }
      sink.accept(out);
    }
  }

  static String personId(long seed, int identity) {
    return new UUID(seed, identity).toString();
  }
}
