package io.facetrail.matcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.gallery.GalleryTarget;
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

  private final StringWriter err = new StringWriter();

  /** Parses like the CLI, then calls the command directly so its exceptions reach the test. */
  private String run(Callable<Integer> command, String... args) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.parseArgs(args);
    assertThat(command.call()).as(out.toString()).isZero();
    return out.toString();
  }

  /** The gallery options of a command after parsing {@code args}. */
  private static GalleryOptions parsed(String... args) {
    GalleryListCommand list = new GalleryListCommand();
    new CommandLine(list).parseArgs(args);
    return list.gallery;
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
    assertThat(run(new GalleryExportCommand(), "--gallery", source.toString(), file.toString()))
        .contains("exported 1 persons, 1 codes");
    assertThat(run(new GalleryImportCommand(), "--gallery", target.toString(), file.toString()))
        .contains("imported 1");
    assertThat(run(new GalleryListCommand(), "--gallery", target.toString()))
        .contains("p-1\tGrace\t1 codes\tm");
    run(new GalleryRenameCommand(), "--gallery", target.toString(), "p-1", "Grace Hopper");
    assertThat(run(new GalleryShowCommand(), "--gallery", target.toString(), "p-1"))
        .contains("Grace Hopper")
        .contains("c-1\tm\ta.jpg");
    assertThat(run(new GalleryDeleteCommand(), "--gallery", target.toString(), "p-1"))
        .contains("erased p-1");
    assertThat(run(new GalleryListCommand(), "--gallery", target.toString())).contains("0 persons");
  }

  @Test
  void aBrokenImportFileNamesTheLineAndImportsNothing() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, GalleryExportCommand.HEADER + "\n{\"person\": 12}\n");
    assertThatThrownBy(
            () ->
                run(
                    new GalleryImportCommand(),
                    "--gallery",
                    dir.resolve("g").toString(),
                    file.toString()))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("nothing was imported");
    assertThatThrownBy(
            () ->
                run(new GalleryDeleteCommand(), "--gallery", dir.resolve("g").toString(), "nobody"))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("no person with id nobody");
  }

  @Test
  void anImportIsCheckedWholeFirstAndEveryBadLineIsNamed() throws Exception {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    byte[] code = SyntheticFaces.standard(1).code(1, 0);
    java.util.function.BiFunction<String, String, String> line =
        (id, codeId) ->
            io.facetrail.matcher.gallery.GalleryJson.write(
                new PersonRecord(
                    new Person(id, "Grace", Map.of(), t, t),
                    List.of(new StoredCode(codeId, "m", code, "a.jpg", t))));
    Path file = dir.resolve("mixed.jsonl");
    Files.writeString(
        file,
        String.join(
            "\n",
            GalleryExportCommand.HEADER,
            line.apply("good-1", "c-1"), // line 2: fine, and must not be written
            "{\"person\": 12}", // line 3: not a record
            line.apply("a/b", "c-2"), // line 4: no file name in a local gallery
            line.apply("good-2", "c-1"), // line 5: code id of line 2 again
            line.apply("", "c-3"))); // line 6: empty id
    Path target = dir.resolve("g");
    assertThatThrownBy(
            () -> run(new GalleryImportCommand(), "--gallery", target.toString(), file.toString()))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("4 problems, nothing was imported")
        .hasMessageContaining("line 3: not a gallery record")
        .hasMessageContaining("line 4: person id 'a/b' cannot be stored in a local gallery")
        .hasMessageContaining("line 5: code id c-1 occurs twice (also in line 2)")
        .hasMessageContaining("line 6: person id is empty");
    try (LocalGallery g = LocalGallery.open(target, Clock.systemUTC())) {
      assertThat(g.persons()).isEmpty();
    }
  }

  @Test
  void renameRefusesANameThatCouldRewriteTheTerminalAndListPrintsOldOnesSafely() throws Exception {
    Path g = dir.resolve("g");
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    try (LocalGallery gallery = LocalGallery.open(g, Clock.systemUTC())) {
      // A record written before names were checked (e.g. by an older version).
      Files.writeString(
          g.resolve("persons").resolve("old-1.json"),
          io.facetrail.matcher.gallery.GalleryJson.write(
              new PersonRecord(
                  new Person("old-1", "Mallory\u001b]0;owned\u0007\u001b[2J", Map.of(), t, t),
                  List.of())));
    }
    assertThatThrownBy(
            () ->
                run(new GalleryRenameCommand(), "--gallery", g.toString(), "old-1", "Eve\u202Egnp"))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("U+202E");
    String listed = run(new GalleryListCommand(), "--gallery", g.toString());
    assertThat(listed).contains("Mallory\\x1b]0;owned\\x07\\x1b[2J").doesNotContain("\u001b");
    String shown = run(new GalleryShowCommand(), "--gallery", g.toString(), "old-1");
    assertThat(shown).contains("name:     Mallory\\x1b]0;owned").doesNotContain("\u001b");
  }

  @Test
  void everyGalleryCommandNamesTheStoreItUsedOnStandardError() throws Exception {
    Path g = dir.resolve("named");
    run(new GalleryListCommand(), "--gallery", g.toString());
    run(new GalleryExportCommand(), "--gallery", g.toString(), dir.resolve("e.jsonl").toString());
    assertThat(err.toString())
        .isEqualTo(("gallery: local folder " + g.toAbsolutePath() + "\n").repeat(2));
  }

  @Test
  void theDefaultGalleryIsTheLocalFolderOfRunUnlessAConfigurationNamesOne() throws Exception {
    GallerySettings byDefault = parsed().settings();
    assertThat(byDefault.store()).isEqualTo(GallerySettings.Store.LOCAL);
    assertThat(Path.of(byDefault.localDir()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".local/share/facetrail/gallery"));
    assertThat(Path.of(byDefault.localDir())).isEqualTo(GalleryTarget.defaultLocal().directory());

    GallerySettings redis = parsed("--gallery", "redis://cache.example:6380/2").settings();
    assertThat(redis.store()).isEqualTo(GallerySettings.Store.REDIS);
    assertThat(redis.redis().host()).isEqualTo("cache.example");
    assertThat(redis.redis().port()).isEqualTo(6380);
    assertThat(redis.redis().database()).isEqualTo(2);
    assertThat(redis.redis().keyPrefix()).isEqualTo("facetrail:gallery");

    Path config = dir.resolve("matcher.yaml");
    Files.writeString(config, "gallery:\n  store: LOCAL\n  localDir: " + dir.resolve("cfg") + "\n");
    assertThat(parsed("--config", config.toString()).settings().localDir())
        .isEqualTo(dir.resolve("cfg").toString());
    assertThat(parsed("--set", "gallery.redis.host=redis.example").settings().store())
        .as("the matcher's own default store, named by a gallery setting")
        .isEqualTo(GallerySettings.Store.REDIS);
    assertThat(
            parsed("--config", config.toString(), "--gallery", dir.resolve("flag").toString())
                .settings()
                .localDir())
        .as("--gallery wins over the configuration")
        .isEqualTo(dir.resolve("flag").toString());
    assertThat(parsed().configurationNamesGallery(Map.of("FACETRAIL_GALLERY_STORE", "REDIS")))
        .isTrue();
    assertThat(parsed().configurationNamesGallery(Map.of("FACETRAIL_KAFKA_PARTITIONS", "2")))
        .isFalse();
  }

  @Test
  void addRefusesAnUnknownOrAmbiguousPersonBeforeLoadingAnyModel() throws Exception {
    Path g = dir.resolve("g");
    try (LocalGallery gallery = LocalGallery.open(g, Clock.systemUTC())) {
      gallery.createPerson("Sam", Map.of());
      gallery.createPerson("Sam", Map.of());
    }
    Path photo = Files.writeString(dir.resolve("p.jpg"), "not read");
    assertThatThrownBy(
            () ->
                run(new GalleryAddCommand(), "--gallery", g.toString(), "Nobody", photo.toString()))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("no person with id or name 'Nobody'");
    assertThatThrownBy(
            () -> run(new GalleryAddCommand(), "--gallery", g.toString(), "Sam", photo.toString()))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("2 persons are named 'Sam'");
  }

  @Test
  void enrolmentExitCodesSayWhetherEveryPhotoIsInTheGallery() {
    assertThat(EnrolmentExitCodes.of(3, 0)).isEqualTo(EnrolmentExitCodes.DONE).isZero();
    assertThat(EnrolmentExitCodes.of(0, 0)).isZero();
    assertThat(EnrolmentExitCodes.of(2, 1)).isEqualTo(EnrolmentExitCodes.PARTIAL).isEqualTo(3);
    assertThat(EnrolmentExitCodes.of(0, 2)).isEqualTo(EnrolmentExitCodes.FAILED).isEqualTo(1);
  }
}
