package io.facetrail.matcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.runtime.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code verify} and {@code gallery search}, as the CLI runs them, with the real face models on LFW
 * photos: the verdicts, exit codes and the false-accept rate they report.
 */
class PhotoToolsIT {
  @TempDir Path dir;

  private record Run(int exitCode, String out) {}

  private static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    return new Run(cl.execute(args), out.toString());
  }

  private static String photo(Path lfw, String person, int i) {
    return lfw.resolve("lfw-deepfunneled")
        .resolve(person)
        .resolve(String.format("%s_%04d.jpg", person, i))
        .toString();
  }

  @Test
  void verifyTellsTheSamePersonFromAnother() {
    Path lfw = SharedData.requireLfw();
    Run same = run(new VerifyCommand(), photo(lfw, "Tony_Blair", 2), photo(lfw, "Tony_Blair", 3));
    assertThat(same.exitCode()).as(same.out()).isZero();
    assertThat(same.out()).startsWith("same person\tdistance ").contains("\tFAR 0.001\t");

    Run other =
        run(
            new VerifyCommand(),
            "--far",
            "0.01",
            photo(lfw, "Tony_Blair", 2),
            photo(lfw, "Colin_Powell", 1));
    assertThat(other.exitCode()).as(other.out()).isEqualTo(3);
    assertThat(other.out()).startsWith("different persons\tdistance ").contains("\tFAR 0.01\t");
  }

  @Test
  void searchRanksTheEnrolledPersonFirst() throws IOException {
    Path lfw = SharedData.requireLfw();
    Path staff = dir.resolve("staff");
    for (String[] p : new String[][] {{"Tony_Blair", "2"}, {"Colin_Powell", "1"}}) {
      Path folder = Files.createDirectories(staff.resolve(p[0]));
      Path source = Path.of(photo(lfw, p[0], Integer.parseInt(p[1])));
      Files.copy(source, folder.resolve(source.getFileName()));
    }
    String gallery = dir.resolve("gallery").toString();
    Run enrolled = run(new GalleryEnrollCommand(), "--gallery", gallery, "--dir", staff.toString());
    assertThat(enrolled.exitCode()).as(enrolled.out()).isEqualTo(EnrolmentExitCodes.DONE);

    Run found = run(new GallerySearchCommand(), "--gallery", gallery, photo(lfw, "Tony_Blair", 3));
    assertThat(found.exitCode()).as(found.out()).isZero();
    String[] lines = found.out().split("\n");
    assertThat(lines[0]).startsWith("1\t").contains("\tTony Blair\tdistance ").endsWith("\tmatch");
    assertThat(lines[1]).startsWith("2\t").contains("\tColin Powell\t").endsWith("no match");
    assertThat(lines[2]).contains(" at FAR 0.001, model ").endsWith(", 2 persons searched");
  }
}
