package io.facetrail.matcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.LocalTrackArchive;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.matcher.gallery.local.LocalGallery;
import io.facetrail.runtime.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code search}, {@code archive redecide} and {@code gallery delete} on an archive of LFW faces
 * with the real models: the photo of a person ranks their archived tracks first; enrolling them and
 * re-deciding names those tracks; searching by the person lists them; erasing the person erases
 * them from the archive.
 */
class ArchiveCommandsIT {
  private static final List<String> PEOPLE =
      List.of(
          "Tony_Blair", "Colin_Powell", "Donald_Rumsfeld", "George_W_Bush", "Gerhard_Schroeder");

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    Run r = new Run(cl.execute(args), out.toString(), err.toString());
    // The commands' output in the test report, as a user would see it (README examples).
    System.err.println("$ facetrail " + String.join(" ", args) + "\n" + r.out() + r.err());
    return r;
  }

  private static Path photo(Path lfw, String person, int i) {
    return lfw.resolve("lfw-deepfunneled")
        .resolve(person)
        .resolve(String.format("%s_%04d.jpg", person, i));
  }

  /** Photos 2 to 4 of each person archived as unknown tracks, one per photo. */
  private void archiveTracks(Path lfw, Path archiveDir) throws IOException {
    Instant now = Instant.now();
    try (FaceAnalyzer analyzer = FaceAnalyzers.open();
        TrackArchive archive = LocalTrackArchive.open(archiveDir)) {
      for (String person : PEOPLE) {
        for (int i = 2; i <= 4; i++) {
          var face = analyzer.analyse(photo(lfw, person, i)).get(0);
          String id = person + "/" + i;
          Moment at = new Moment(i, i * 1_000_000L, now.toEpochMilli());
          archive.put(
              new ArchivedTrack(
                  id,
                  person + ".mp4",
                  face.modelId(),
                  at,
                  at,
                  now,
                  5,
                  face.code(),
                  List.of(),
                  new byte[] {(byte) 0xff, (byte) 0xd8, (byte) i},
                  Map.of()),
              new TrackDecision(
                  id,
                  null,
                  Double.NaN,
                  Double.NaN,
                  Double.NaN,
                  Double.NaN,
                  -1,
                  List.of(),
                  false,
                  now,
                  false,
                  0));
        }
      }
    }
  }

  @Test
  void searchFindsAPersonsTracksAndReDecisionNamesThemOnceEnrolled() throws IOException {
    Path lfw = SharedData.requireLfw();
    String gallery = dir.resolve("gallery").toString();
    archiveTracks(lfw, dir.resolve("gallery-archive"));

    Run found =
        run(
            new SearchCommand(),
            "--gallery",
            gallery,
            "--top",
            "3",
            "--thumbnails",
            dir.resolve("thumbs").toString(),
            photo(lfw, "Tony_Blair", 1).toString());
    assertThat(found.exitCode()).as(found.err()).isZero();
    String[] lines = found.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines).allSatisfy(l -> assertThat(l).contains("Tony_Blair.mp4").contains("unknown"));
    assertThat(lines[0]).startsWith("1\tTony_Blair.mp4 00:");
    assertThat(found.err()).contains("searched 15 archived tracks");
    assertThat(Files.readAllBytes(dir.resolve("thumbs").resolve("1.jpg"))[0])
        .isEqualTo((byte) 0xff);

    Path staff = Files.createDirectories(dir.resolve("staff").resolve("Tony_Blair"));
    Files.copy(photo(lfw, "Tony_Blair", 6), staff.resolve("Tony_Blair_0006.jpg"));
    Files.copy(photo(lfw, "Tony_Blair", 5), staff.resolve("Tony_Blair_0005.jpg"));
    Run enrolled =
        run(
            new GalleryEnrollCommand(),
            "--gallery",
            gallery,
            "--dir",
            staff.getParent().toString());
    assertThat(enrolled.exitCode()).as(enrolled.out() + enrolled.err()).isZero();

    Run redecided = run(new ArchiveRedecideCommand(), "--gallery", gallery);
    assertThat(redecided.exitCode()).as(redecided.err()).isZero();
    assertThat(redecided.out().split("\n"))
        .hasSize(3)
        .allSatisfy(
            l ->
                assertThat(l)
                    .startsWith("Tony_Blair.mp4\tTony_Blair/")
                    .contains("\tnow identified Tony Blair (was unknown), distance 0."));
    assertThat(redecided.err()).contains("re-decided 15 archived tracks against 1 persons");

    // Another person enrolled: their tracks, as identity events.
    Path powell = Files.createDirectories(dir.resolve("staff2").resolve("Colin_Powell"));
    Files.copy(photo(lfw, "Colin_Powell", 5), powell.resolve("Colin_Powell_0005.jpg"));
    Files.copy(photo(lfw, "Colin_Powell", 6), powell.resolve("Colin_Powell_0006.jpg"));
    Run second =
        run(
            new GalleryEnrollCommand(),
            "--gallery",
            gallery,
            "--dir",
            powell.getParent().toString());
    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    Run json = run(new ArchiveRedecideCommand(), "--gallery", gallery, "--json");
    List<String> events = Arrays.asList(json.out().split("\n"));
    assertThat(events).hasSize(3);
    assertThat(events)
        .allSatisfy(
            e ->
                assertThat(e)
                    .contains("\"type\":\"identified\"")
                    .contains("\"name\":\"Colin Powell\"")
                    .contains("\"streamId\":\"Colin_Powell.mp4\"")
                    .endsWith("\"retroactive\":true}"));
    Run again = run(new ArchiveRedecideCommand(), "--gallery", gallery);
    assertThat(again.out()).as("nothing changed since").isEmpty();
    // The archive records the gallery state it was re-decided against, so run and index starting
    // next do not re-decide it all again.
    try (LocalGallery g = LocalGallery.open(Path.of(gallery), Clock.systemUTC());
        TrackArchive a = LocalTrackArchive.open(dir.resolve("gallery-archive"))) {
      assertThat(a.galleryCursor()).contains(g.cursor());
    }

    String personId =
        Arrays.stream(run(new GalleryListCommand(), "--gallery", gallery).out().split("\n"))
            .filter(l -> l.contains("\tTony Blair\t"))
            .findFirst()
            .orElseThrow()
            .split("\t")[0];
    Run byPerson = run(new SearchCommand(), "--gallery", gallery, "--person", personId, "-k", "3");
    // The three nearest to each enrolled photo, merged: Blair's three tracks come first.
    assertThat(Arrays.asList(byPerson.out().split("\n")).subList(0, 3))
        .allSatisfy(
            l ->
                assertThat(l)
                    .contains("Tony_Blair.mp4")
                    .contains("identified Tony Blair (re-decided)"));

    Run erased = run(new GalleryDeleteCommand(), "--gallery", gallery, personId);
    assertThat(erased.out()).contains("erased 3 archived tracks");
    try (TrackArchive archive = LocalTrackArchive.open(dir.resolve("gallery-archive"))) {
      assertThat(archive.count()).isEqualTo(12);
      assertThat(archive.decision("Colin_Powell/2").orElseThrow().personId()).isNotNull();
      assertThat(archive.track("Tony_Blair/2")).isEmpty();
    }
  }
}
