package io.facetrail.matcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.local.LocalGallery;
import io.facetrail.runtime.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gallery enroll --dir} twice and {@code gallery add}, as the CLI runs them, with the real
 * face models on LFW photos: the second enrolment adds nothing and creates nobody, {@code add}
 * reports each photo, and the exit codes follow {@link EnrolmentExitCodes}.
 */
class GalleryEnrollCommandIT {
  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  private static Path lfwPhoto(Path lfw, String person, int i) {
    return lfw.resolve("lfw-deepfunneled")
        .resolve(person)
        .resolve(String.format("%s_%04d.jpg", person, i));
  }

  private void copy(Path photo, Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.copy(photo, folder.resolve(photo.getFileName()));
  }

  @Test
  void enrollingAFolderTwiceThenAddingAPhoto() throws IOException {
    Path lfw = SharedData.requireLfw();
    Path staff = dir.resolve("staff");
    Path blair = staff.resolve("Tony_Blair");
    copy(lfwPhoto(lfw, "Tony_Blair", 1), blair); // quality 0.42: refused at 0.5
    copy(lfwPhoto(lfw, "Tony_Blair", 2), blair);
    copy(lfwPhoto(lfw, "Colin_Powell", 1), staff.resolve("Colin_Powell"));
    String gallery = dir.resolve("gallery").toString();

    Run first = run(new GalleryEnrollCommand(), "--gallery", gallery, "--dir", staff.toString());
    assertThat(first.exitCode()).as(first.out()).isEqualTo(EnrolmentExitCodes.PARTIAL);
    assertThat(first.err()).contains("gallery: local folder " + gallery);
    assertThat(first.out())
        .contains("Tony_Blair_0001.jpg\tlow_quality")
        .contains("Tony Blair: enrolled as ")
        .contains("from 1 photo, 1 photo refused")
        .contains("Colin Powell: enrolled as ");

    Run second = run(new GalleryEnrollCommand(), "--gallery", gallery, "--dir", staff.toString());
    assertThat(second.exitCode()).as(second.out()).isEqualTo(EnrolmentExitCodes.PARTIAL);
    assertThat(second.out())
        .contains("Tony_Blair_0002.jpg\talready_enrolled")
        .contains("Tony_Blair_0001.jpg\tlow_quality")
        .contains("Tony Blair: nothing added to ")
        .contains(", 1 photo already, 1 photo refused")
        .contains("Colin Powell: nothing added to ")
        .doesNotContain("enrolled as");

    Files.delete(blair.resolve("Tony_Blair_0001.jpg"));
    copy(lfwPhoto(lfw, "Tony_Blair", 3), blair);
    Run third = run(new GalleryEnrollCommand(), "--gallery", gallery, "--dir", staff.toString());
    assertThat(third.exitCode()).as(third.out()).isEqualTo(EnrolmentExitCodes.DONE);
    assertThat(third.out()).contains("Tony Blair: 1 photo added to ").contains(", 1 photo already");

    Run added =
        run(
            new GalleryAddCommand(),
            "--gallery",
            gallery,
            "Tony Blair",
            lfwPhoto(lfw, "Tony_Blair", 5).toString(),
            lfwPhoto(lfw, "Tony_Blair", 2).toString(),
            dir.resolve("missing.jpg").toString());
    assertThat(added.exitCode()).as(added.out()).isEqualTo(EnrolmentExitCodes.PARTIAL);
    assertThat(added.out())
        .contains("Tony_Blair_0005.jpg\tenrolled")
        .contains("Tony_Blair_0002.jpg\talready_enrolled")
        .contains("missing.jpg\tunreadable")
        .contains("Tony Blair: 1 photo added to ");

    try (Gallery g = LocalGallery.open(Path.of(gallery), Clock.systemUTC())) {
      assertThat(g.persons())
          .extracting(Person::name)
          .containsExactly("Colin Powell", "Tony Blair");
      List<PersonRecord> blairs =
          g.snapshot().stream().filter(r -> r.person().name().equals("Tony Blair")).toList();
      assertThat(blairs).singleElement().satisfies(r -> assertThat(r.codes()).hasSize(3));
    }

    Run refused =
        run(
            new GalleryAddCommand(),
            "--gallery",
            gallery,
            "Colin Powell",
            dir.resolve("missing.jpg").toString());
    assertThat(refused.exitCode()).isEqualTo(EnrolmentExitCodes.FAILED);
  }
}
