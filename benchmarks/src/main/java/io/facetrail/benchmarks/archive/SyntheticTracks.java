package io.facetrail.benchmarks.archive;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Archived tracks of synthetic identities ({@link SyntheticFaces}): track {@code i} shows identity
 * {@code i % identities}; its aggregate and best frames are unseen images of that identity. Persons
 * enrolled are identities {@code 0..n-1} with images {@code 0..codesPerPerson-1}.
 */
final class SyntheticTracks {
  static final String MODEL = "synthetic-bench-v1";
  private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

  private final SyntheticFaces faces;
  private final int identities;
  private final int bestFrames;

  SyntheticTracks(SyntheticFaces faces, int identities, int bestFrames) {
    this.faces = faces;
    this.identities = identities;
    this.bestFrames = bestFrames;
  }

  int identityOf(int track) {
    return track % identities;
  }

  ArchivedTrack track(int i) {
    int identity = identityOf(i);
    long image = 100L + 10L * (i / identities);
    List<byte[]> best = new ArrayList<>(bestFrames);
    for (int f = 1; f <= bestFrames; f++) {
      best.add(faces.code(identity, image + f));
    }
    Moment first = new Moment(i, 1_000L * i, T.toEpochMilli());
    return new ArchivedTrack(
        "t" + i,
        "video-" + (i / 1000),
        MODEL,
        first,
        first,
        T,
        12,
        faces.code(identity, image),
        best,
        new byte[0],
        Map.of());
  }

  /** A decision taken against no gallery: the first re-decision searches the whole gallery. */
  static TrackDecision undecided(String trackId) {
    return new TrackDecision(
        trackId,
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

  static String personId(int identity) {
    return new UUID(7, identity).toString();
  }

  PersonRecord person(int identity, int codes) {
    String id = personId(identity);
    List<StoredCode> c = new ArrayList<>(codes);
    for (int i = 0; i < codes; i++) {
      c.add(new StoredCode(id + "-" + i, MODEL, faces.code(identity, i), "synthetic", T));
    }
    return new PersonRecord(new Person(id, "Person " + identity, Map.of(), T, T), c);
  }

  /** An unseen image of the identity of track {@code i}: a query photo. */
  byte[] query(int identity, long n) {
    return faces.code(identity, 1_000_000L + n);
  }
}
