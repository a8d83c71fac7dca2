package io.facetrail.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.local.LocalGallery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --enroll DIR} run after run against the same gallery: nobody is enrolled twice. */
class FolderEnrolmentTest {
  private static final SyntheticFaces FACES = SyntheticFaces.standard(2);

  @TempDir Path dir;

  /** Every photo holds one good face, whose code follows from its file's bytes. */
  private static final class OneFacePerPhoto implements FaceAnalyzer {
    @Override
    public List<DetectedFace> analyse(Path photo) {
      try {
        String content = Files.readString(photo);
        if (content.endsWith("/crash.jpg")) {
          // As the 20000x20000 PNG did before the pixel limit: an error out of the models.
          throw new NegativeArraySizeException("-1294967296");
        }
        int image = Math.floorMod(content.hashCode(), 1000);
        return List.of(new DetectedFace(900, 0.9, FACES.code(1, image), "m"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      // Nothing held.
    }
  }

  private Path photo(String person, String file) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("staff").resolve(person));
    return Files.writeString(folder.resolve(file), person + "/" + file);
  }

  private String enrol(LocalGallery gallery, int expectedNewPersons) {
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    int added =
        FolderEnrolment.enrol(
            dir.resolve("staff"),
            new OneFacePerPhoto(),
            gallery,
            new PrintStream(report, true, StandardCharsets.UTF_8));
    assertThat(added).isEqualTo(expectedNewPersons);
    return report.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSecondRunAddsOnlyNewPhotosToThePersonsAlreadyEnrolled() throws IOException {
    photo("Ada_Lovelace", "1.jpg");
    photo("Ada_Lovelace", "2.jpg");
    photo("Grace_Hopper", "1.jpg");
    try (LocalGallery gallery = LocalGallery.open(dir.resolve("gallery"), Clock.systemUTC())) {
      assertThat(enrol(gallery, 2))
          .contains("enrol: Ada Lovelace enrolled from 2 of 2 photos")
          .contains("enrol: Grace Hopper enrolled from 1 of 1 photos");

      photo("Ada_Lovelace", "3.jpg");
      String again = enrol(gallery, 0);
      assertThat(again)
          .contains("enrol: Ada Lovelace is already in the gallery (")
          .contains("): 1 of 3 photos added, 2 already")
          .contains("): 0 of 1 photos added, 1 already");
      assertThat(gallery.persons())
          .extracting(Person::name)
          .containsExactly("Ada Lovelace", "Grace Hopper");
      assertThat(gallery.snapshot())
          .filteredOn(r -> r.person().name().equals("Ada Lovelace"))
          .singleElement()
          .satisfies(r -> assertThat(r.codes()).hasSize(3));
    }
  }

  @Test
  void aFailingPhotoOrPersonIsReportedAndEveryPersonAfterItIsEnrolled() throws IOException {
    photo("Ada_Lovelace", "1.jpg");
    photo("Ada_Lovelace", "crash.jpg");
    photo("Bad\u001b[2J", "1.jpg");
    photo("Crash_Only", "crash.jpg");
    photo("Grace_Hopper", "1.jpg");
    try (LocalGallery gallery = LocalGallery.open(dir.resolve("gallery"), Clock.systemUTC())) {
      String report = enrol(gallery, 2);
      assertThat(report)
          .contains(
              "enrol: Ada Lovelace: photo crash.jpg failed (failed: error:"
                  + " NegativeArraySizeException: -1294967296)")
          .contains("enrol: Ada Lovelace enrolled from 1 of 2 photos")
          .contains("enrol: Bad\\x1b[2J NOT enrolled: a person's name must not contain control")
          .contains("enrol: Crash Only NOT enrolled: no photo was accepted")
          .contains("enrol: Grace Hopper enrolled from 1 of 1 photos")
          .doesNotContain("\u001b");
      assertThat(gallery.persons())
          .extracting(Person::name)
          .containsExactly("Ada Lovelace", "Grace Hopper");
    }
  }
}
