package io.facetrail.matcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.matcher.bench.SyntheticFaces;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.gallery.local.LocalGallery;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GalleryCommandsTest {
  @TempDir Path dir;

  /** Parses like the CLI, then calls the command directly so its exceptions reach the test. */
  private String run(Callable<Integer> command, String... args) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.parseArgs(args);
    assertThat(command.call()).as(out.toString()).isZero();
    return out.toString();
  }

  @Test
  void exportImportRenameAndDeleteRoundTrip() throws Exception {
    Path source = dir.resolve("source");
    Path target = dir.resolve("target");
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    try (LocalGallery g = LocalGallery.open(source, Clock.systemUTC())) {
      g.importPerson(
          new PersonRecord(
              new Person("p-1", "Grace", Map.of("team", "navy"), t, t),
              List.of(
                  new StoredCode("c-1", "m", SyntheticFaces.standard(1).code(1, 0), "a.jpg", t))));
    }
    Path file = dir.resolve("export.jsonl");
    assertThat(run(new GalleryExportCommand(), "--local", source.toString(), file.toString()))
        .contains("exported 1 persons, 1 codes");
    assertThat(run(new GalleryImportCommand(), "--local", target.toString(), file.toString()))
        .contains("imported 1");
    assertThat(run(new GalleryListCommand(), "--local", target.toString()))
        .contains("p-1\tGrace\t1 codes\tm");
    run(new GalleryRenameCommand(), "--local", target.toString(), "p-1", "Grace Hopper");
    assertThat(run(new GalleryShowCommand(), "--local", target.toString(), "p-1"))
        .contains("Grace Hopper")
        .contains("c-1\tm\ta.jpg");
    assertThat(run(new GalleryDeleteCommand(), "--local", target.toString(), "p-1"))
        .contains("erased p-1");
    assertThat(run(new GalleryListCommand(), "--local", target.toString())).contains("0 persons");
  }

  @Test
  void aBrokenImportFileNamesTheLineAndImportsNothing() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, GalleryExportCommand.HEADER + "\n{\"person\": 12}\n");
    assertThatThrownBy(
            () ->
                run(
                    new GalleryImportCommand(),
                    "--local",
                    dir.resolve("g").toString(),
                    file.toString()))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("nothing was imported");
    assertThatThrownBy(
            () -> run(new GalleryDeleteCommand(), "--local", dir.resolve("g").toString(), "nobody"))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("no person with id nobody");
  }
}
