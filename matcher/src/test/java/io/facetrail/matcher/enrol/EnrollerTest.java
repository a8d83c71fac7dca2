package io.facetrail.matcher.enrol;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.enrol.PhotoOutcome.Result;
import io.facetrail.matcher.gallery.local.LocalGallery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollerTest {
  private static final SyntheticFaces FACES = SyntheticFaces.standard(2);
  @TempDir Path dir;

  private static DetectedFace face(double area, double quality, int image) {
    return new DetectedFace(area, quality, FACES.code(1, image), "m");
  }

  @TempDir Path photos;

  /** A file with distinct bytes: the enroller hashes every photo before analysing it. */
  private Path file(String name) throws IOException {
    return Files.writeString(photos.resolve(name), name);
  }

  @Test
  void reportsEveryPhotoAndEnrolsOnlyAcceptedFaces() throws IOException {
    Path good = file("good.jpg");
    Path none = file("none.jpg");
    Path two = file("two.jpg");
    Path blurry = file("blurry.jpg");
    Path broken = file("broken.jpg");
    FakeFaceAnalyzer analyzer =
        new FakeFaceAnalyzer(
            Map.of(
                good, List.of(face(900, 0.9, 0)),
                none, List.of(),
                two, List.of(face(900, 0.9, 1), face(100, 0.9, 2)),
                blurry, List.of(face(900, 0.2, 3))));
    try (LocalGallery gallery = LocalGallery.open(dir, Clock.systemUTC())) {
      Enroller strict =
          new Enroller(analyzer, gallery, new EnrolmentRules(0.5, false), Clock.systemUTC());
      Enroller.Result r = strict.enrolNew("Ada", List.of(good, none, two, blurry, broken));
      assertThat(r.outcomes())
          .extracting(PhotoOutcome::result)
          .containsExactly(
              Result.ENROLLED,
              Result.NO_FACE,
              Result.SEVERAL_FACES,
              Result.LOW_QUALITY,
              Result.UNREADABLE);
      String id = r.person().orElseThrow().id();
      assertThat(gallery.record(id).orElseThrow().codes()).hasSize(1);

      Enroller largest =
          new Enroller(analyzer, gallery, new EnrolmentRules(0.5, true), Clock.systemUTC());
      Enroller.Result more = largest.enrolExisting(id, List.of(two));
      assertThat(more.outcomes()).extracting(PhotoOutcome::result).containsExactly(Result.ENROLLED);
      assertThat(gallery.record(id).orElseThrow().codes())
          .anySatisfy(c -> assertThat(c.code()).isEqualTo(FACES.code(1, 1)));

      Enroller.Result nobody = strict.enrolNew("Nobody", List.of(none, blurry));
      assertThat(nobody.person()).isEmpty();
      assertThat(gallery.persons()).hasSize(1);
    }
  }

  @Test
  void aPhotoThatCannotBeReadIsReportedAndTheRestEnrolled() throws IOException {
    Path good = file("good.jpg");
    Path missing = photos.resolve("missing.jpg");
    FakeFaceAnalyzer analyzer = new FakeFaceAnalyzer(Map.of(good, List.of(face(900, 0.9, 0))));
    try (LocalGallery gallery = LocalGallery.open(dir, Clock.systemUTC())) {
      Enroller enroller =
          new Enroller(analyzer, gallery, new EnrolmentRules(0.5, false), Clock.systemUTC());
      Enroller.Result r = enroller.enrolNew("Ada", List.of(missing, good));
      assertThat(r.outcomes())
          .extracting(PhotoOutcome::result)
          .containsExactly(Result.UNREADABLE, Result.ENROLLED);
      assertThat(r.outcomes().get(0).detail()).contains("missing.jpg");
      assertThat(r.refused()).isEqualTo(1);
      assertThat(r.created()).isTrue();
    }
  }

  @Test
  void everyPhotoGetsAnOutcomeWhenOneIsTooLargeAndAnotherFailsWithAnError() throws IOException {
    Path huge = file("huge.png");
    Path crash = file("crash.jpg");
    Path good = file("good.jpg");
    FakeFaceAnalyzer analyzer =
        new FakeFaceAnalyzer(
            Map.of(good, List.of(face(900, 0.9, 0))),
            Map.of(
                huge,
                new PhotoTooLargeException("image is 20000x20000 pixels, over the limit", null),
                crash,
                new NegativeArraySizeException("-1294967296")));
    try (LocalGallery gallery = LocalGallery.open(dir, Clock.systemUTC())) {
      Enroller enroller =
          new Enroller(analyzer, gallery, new EnrolmentRules(0.5, false), Clock.systemUTC());
      Enroller.Result r = enroller.enrolNew("Ada", List.of(huge, crash, good));
      assertThat(r.outcomes())
          .extracting(PhotoOutcome::result)
          .containsExactly(Result.TOO_LARGE, Result.FAILED, Result.ENROLLED);
      assertThat(r.outcomes().get(0).detail()).contains("20000x20000");
      assertThat(r.outcomes().get(1).detail())
          .isEqualTo("error: NegativeArraySizeException: -1294967296");
      assertThat(r.refused()).isEqualTo(1);
      assertThat(r.failed()).isEqualTo(1);
      assertThat(r.created()).isTrue();
    }
  }

  @Test
  void onePersonFailingNeverStopsThePersonsAfterIt() throws IOException {
    Path a = file("a.jpg");
    Path b = file("b.jpg");
    Path c = file("c.jpg");
    FakeFaceAnalyzer analyzer =
        new FakeFaceAnalyzer(Map.of(a, List.of(face(900, 0.9, 0)), c, List.of(face(900, 0.9, 2))));
    try (LocalGallery gallery = LocalGallery.open(dir, Clock.systemUTC())) {
      gallery.createPerson("Twin", Map.of());
      gallery.createPerson("Twin", Map.of());
      Enroller enroller =
          new Enroller(analyzer, gallery, new EnrolmentRules(0.5, false), Clock.systemUTC());
      List<Enroller.PersonOutcome> seen = new java.util.ArrayList<>();
      enroller.enrolEach(
          List.of(
              new PersonFolders.PersonPhotos("Bad\u001b[2J", List.of(a)),
              new PersonFolders.PersonPhotos("Twin", List.of(b)),
              new PersonFolders.PersonPhotos("x".repeat(100_000), List.of(b)),
              new PersonFolders.PersonPhotos("Carol", List.of(c))),
          seen::add);
      assertThat(seen).hasSize(4);
      assertThat(seen.get(0).failure()).contains("control characters").contains("U+001B");
      assertThat(seen.get(1).failure()).contains("2 persons are named 'Twin'");
      assertThat(seen.get(2).failure()).contains("100000 characters long");
      assertThat(seen.get(3).failedAsAWhole()).isFalse();
      assertThat(seen.get(3).result().created()).isTrue();
      assertThat(gallery.persons())
          .extracting(p -> p.name())
          .containsExactly("Carol", "Twin", "Twin");
    }
  }
}
