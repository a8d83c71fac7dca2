package io.facetrail.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.FacetrailCli;
import io.facetrail.app.index.IndexCommand;
import io.facetrail.app.index.IndexSettings;
import io.facetrail.app.run.RunSettings;
import io.facetrail.app.run.RunStop;
import io.facetrail.benchmarks.movie.FaceMovie;
import io.facetrail.benchmarks.movie.FaceMovie.Appearance;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.local.LocalGallery;
import io.facetrail.runtime.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a gallery change, {@code index} makes an indexed video's timeline again from the track
 * archive instead of decoding it: a stranger in the video, enrolled afterwards with {@code gallery
 * enroll}, is named in the timeline, CSV and report without the pipeline starting; once erased with
 * {@code gallery delete}, nothing the index wrote names them, again without decoding.
 */
class IndexRefreshIT {
  @TempDir Path dir;

  @BeforeAll
  static void data() {
    SharedData.requireLfw();
  }

  /** What one indexing run printed. */
  private record Run(int exit, String out, String err) {}

  private Run index(Path archive, Path enrol) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    IndexSettings s =
        new IndexSettings(
            List.of(archive),
            dir.resolve("out"),
            false,
            RunSettings.builder()
                .setGallery(GalleryTarget.parse(dir.resolve("gallery").toString()))
                .setWorkDir(Files.createDirectories(dir.resolve("work-" + System.nanoTime())))
                .optEnrolDir(enrol)
                .optDevice(DeviceSetting.parse("cpu"))
                .build());
    int exit;
    RunStop stop = new RunStop();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = IndexCommand.run(s, o, e, false, stop);
    } finally {
      stop.finished();
    }
    Run r =
        new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.err.println(r.err() + r.out());
    return r;
  }

  private String cli(String... args) {
    StringWriter out = new StringWriter();
    int exit = FacetrailCli.commandLine().setOut(new PrintWriter(out, true)).execute(args);
    assertThat(exit).as(String.join(" ", args) + ": " + out).isZero();
    return out.toString();
  }

  /** Everything the index wrote: timeline JSON and CSV, and the report. */
  private String outputs() throws Exception {
    Path out = dir.resolve("out");
    return Files.readString(out.resolve("day1/lobby.mp4.timeline.json"))
        + Files.readString(out.resolve("day1/lobby.mp4.timeline.csv"))
        + Files.readString(out.resolve("index.html"));
  }

  /** The pipeline never started: no models loaded, nothing decoded. */
  private static void notDecoded(Run r) {
    assertThat(r.err()).doesNotContain("loading the face models").doesNotContain("starting (");
    assertThat(r.out()).contains("Indexed 0 video(s)");
  }

  @Test
  void aGalleryChangeReachesIndexedTimelinesWithoutDecoding() throws Exception {
    // The gallery holds somebody else; the person in the video is a stranger when it is indexed.
    Path others = dir.resolve("others");
    LfwPhotos.enrol(others, "Tony_Blair", 2, 3);
    Path archive = Files.createDirectories(dir.resolve("archive/day1"));
    FaceMovie.write(
        archive.resolve("lobby.mp4"),
        2.5,
        List.of(new Appearance(LfwPhotos.photo("Colin_Powell", 1), 0.2, 2.3, 200, 550, 300, 180)));

    Run first = index(archive, others);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("Indexed 1 video(s)");
    assertThat(outputs()).doesNotContain("Colin Powell").contains("unknown");

    Path powell = dir.resolve("powell");
    LfwPhotos.enrol(powell, "Colin_Powell", 2, 3, 4);
    cli(
        "gallery",
        "enroll",
        "--gallery",
        dir.resolve("gallery").toString(),
        "--dir",
        powell.toString());

    Run enrolled = index(archive, null);
    assertThat(enrolled.exit()).as(enrolled.err()).isZero();
    notDecoded(enrolled);
    assertThat(enrolled.err())
        .contains("archive: the gallery changed since its tracks were decided")
        .contains("day1/lobby.mp4: refreshed from the track archive, not decoded: 1 person");
    assertThat(enrolled.out())
        .contains("1 refreshed from the track archive without decoding")
        .contains("refreshed  day1/lobby.mp4: gallery changed since indexed");
    String named = outputs();
    assertThat(named)
        .contains("\"name\" : \"Colin Powell\"")
        .contains(",Colin Powell,")
        .contains("<b>Colin Powell</b>");

    // Current now: skipped, nothing re-decided.
    Run again = index(archive, null);
    assertThat(again.out())
        .contains("Indexed 0 video(s), skipped 1 already indexed, 0 failed%n".formatted());
    assertThat(again.err()).doesNotContain("archive: the gallery changed");

    String id;
    try (Gallery g = LocalGallery.open(dir.resolve("gallery"), Clock.systemUTC())) {
      id =
          g.persons().stream()
              .filter(p -> p.name().equals("Colin Powell"))
              .map(Person::id)
              .findFirst()
              .orElseThrow();
    }
    assertThat(named).contains(id);
    cli("gallery", "delete", "--gallery", dir.resolve("gallery").toString(), id);

    Run erased = index(archive, null);
    assertThat(erased.exit()).as(erased.err()).isZero();
    notDecoded(erased);
    assertThat(erased.out()).contains("1 refreshed from the track archive without decoding");
    assertThat(outputs()).doesNotContain("Colin Powell").doesNotContain(id);
  }
}
