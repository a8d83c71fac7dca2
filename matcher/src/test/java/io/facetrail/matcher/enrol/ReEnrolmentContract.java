package io.facetrail.matcher.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.enrol.PhotoOutcome.Result;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.StoredCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrolling the same people again, against every real gallery store: photos the person already has
 * are skipped, new ones added, nobody is enrolled twice; subclasses provide the store.
 */
public abstract class ReEnrolmentContract {
  private static final SyntheticFaces FACES = SyntheticFaces.standard(4);

  @TempDir Path photos;
  private final Map<Path, List<DetectedFace>> faces = new HashMap<>();
  private Gallery gallery;
  private Enroller enroller;

  protected abstract Gallery openGallery();

  /** Removes everything the test stored. */
  protected abstract void cleanUp(Gallery gallery);

  @BeforeEach
  void open() {
    gallery = openGallery();
    enroller =
        new Enroller(
            new FakeFaceAnalyzer(faces),
            gallery,
            new EnrolmentRules(0.5, false),
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    cleanUp(gallery);
    gallery.close();
  }

  /** A photo file of {@code identity} with distinct bytes and one good face. */
  private Path photo(String name, int identity, int image) throws IOException {
    Path p = photos.resolve(name);
    Files.writeString(p, "photo of " + identity + "/" + image);
    faces.put(p, List.of(new DetectedFace(900, 0.9, FACES.code(identity, image), "m")));
    return p;
  }

  private List<Result> results(Enroller.Result r) {
    return r.outcomes().stream().map(PhotoOutcome::result).toList();
  }

  @Test
  void enrollingTheSameFolderTwiceAddsNothingTheSecondTime() throws IOException {
    List<Path> ada = List.of(photo("ada1.jpg", 1, 0), photo("ada2.jpg", 1, 1));
    Enroller.Result first = enroller.enrolByName("Ada", ada);
    assertThat(first.created()).isTrue();
    assertThat(results(first)).containsExactly(Result.ENROLLED, Result.ENROLLED);

    Enroller.Result second = enroller.enrolByName("Ada", ada);
    assertThat(second.created()).isFalse();
    assertThat(second.person().orElseThrow().id()).isEqualTo(first.person().orElseThrow().id());
    assertThat(results(second)).containsExactly(Result.ALREADY_ENROLLED, Result.ALREADY_ENROLLED);
    assertThat(gallery.persons()).extracting(Person::name).containsExactly("Ada");
    assertThat(gallery.record(first.person().orElseThrow().id()).orElseThrow().codes()).hasSize(2);
  }

  @Test
  void aNewPhotoInTheFolderIsAddedToTheExistingPersonAndACopyIsRecognised() throws IOException {
    Path one = photo("grace1.jpg", 2, 0);
    String id = enroller.enrolByName("Grace", List.of(one)).person().orElseThrow().id();
    Path copy = photos.resolve("renamed-copy.jpg");
    Files.copy(one, copy);
    faces.put(copy, faces.get(one));
    Path two = photo("grace2.jpg", 2, 1);

    Enroller.Result again = enroller.enrolByName("Grace", List.of(one, copy, two));
    assertThat(results(again))
        .containsExactly(Result.ALREADY_ENROLLED, Result.ALREADY_ENROLLED, Result.ENROLLED);
    assertThat(again.enrolled()).isEqualTo(1);
    assertThat(gallery.persons()).hasSize(1);
    List<StoredCode> codes = gallery.record(id).orElseThrow().codes();
    assertThat(codes).hasSize(2);
    assertThat(codes).allSatisfy(c -> assertThat(PhotoSource.hashIn(c.source())).isPresent());
    assertThat(codes).extracting(StoredCode::source).anyMatch(s -> s.startsWith("grace2.jpg "));
  }

  @Test
  void addingByIdOrNameExtendsThatPersonOnly() throws IOException {
    String ada = enroller.enrolByName("Ada", List.of(photo("a1.jpg", 1, 0))).person().get().id();
    String bob = enroller.enrolByName("Bob", List.of(photo("b1.jpg", 3, 0))).person().get().id();
    Person byName = PersonLookup.byIdOrName(gallery, "Bob").orElseThrow();
    assertThat(byName.id()).isEqualTo(bob);
    assertThat(PersonLookup.byIdOrName(gallery, ada).orElseThrow().name()).isEqualTo("Ada");
    assertThat(PersonLookup.byIdOrName(gallery, "Nobody Here")).isEmpty();

    Enroller.Result added = enroller.enrolExisting(bob, List.of(photo("b2.jpg", 3, 1)));
    assertThat(results(added)).containsExactly(Result.ENROLLED);
    assertThat(gallery.record(bob).orElseThrow().codes()).hasSize(2);
    assertThat(gallery.record(ada).orElseThrow().codes()).hasSize(1);
  }

  @Test
  void aNameSeveralPersonsShareIsRefusedWithTheirIdsAndNothingIsAdded() throws IOException {
    Person first = gallery.createPerson("Sam", Map.of());
    Person second = gallery.createPerson("Sam", Map.of());
    Path photo = photo("sam.jpg", 4, 0);
    assertThatThrownBy(() -> enroller.enrolByName("Sam", List.of(photo)))
        .isInstanceOf(AmbiguousPersonException.class)
        .hasMessageContaining(first.id())
        .hasMessageContaining(second.id());
    assertThatThrownBy(() -> PersonLookup.byIdOrName(gallery, "Sam"))
        .isInstanceOf(AmbiguousPersonException.class);
    assertThat(gallery.snapshot()).allSatisfy(r -> assertThat(r.codes()).isEmpty());
  }
}
