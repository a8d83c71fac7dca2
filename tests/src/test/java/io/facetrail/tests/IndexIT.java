package io.facetrail.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.index.IndexCommand;
import io.facetrail.app.index.IndexSettings;
import io.facetrail.app.run.RunSettings;
import io.facetrail.app.run.RunStop;
import io.facetrail.benchmarks.movie.FaceMovie;
import io.facetrail.benchmarks.movie.FaceMovie.Appearance;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.runtime.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code facetrail index} over a small archive: a video with an enrolled person, indexed into
 * timelines and a report; a second run skips it; enrolling somebody new makes its timeline again
 * from the track archive (without decoding), and {@code --force} decodes it again.
 */
class IndexIT {
  @TempDir Path dir;

  @BeforeAll
  static void data() {
    SharedData.requireLfw();
  }

  /** What one indexing run printed. */
  private record Run(int exit, String out, String err) {}

  private Run index(Path archive, Path enrol, boolean force) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    IndexSettings s =
        new IndexSettings(
            List.of(archive),
            dir.resolve("out"),
            force,
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

  @Test
  void anArchiveIsIndexedOnceAndAgainOnlyWhenForced() throws Exception {
    Path enrol = dir.resolve("enrol");
    LfwPhotos.enrol(enrol, "Colin_Powell", 2, 3, 4);
    Path archive = Files.createDirectories(dir.resolve("archive/day1"));
    FaceMovie.write(
        archive.resolve("lobby.mp4"),
        4.0,
        List.of(new Appearance(LfwPhotos.photo("Colin_Powell", 1), 0.4, 3.6, 200, 550, 300, 180)));
    Path json = dir.resolve("out/day1/lobby.mp4.timeline.json");
    Path csv = dir.resolve("out/day1/lobby.mp4.timeline.csv");
    Path report = dir.resolve("out/index.html");

    Run first = index(archive, enrol, false);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("Indexed 1 video(s), skipped 0 already indexed, 0 failed");
    String timeline = Files.readString(json);
    assertThat(timeline).contains("\"name\" : \"Colin Powell\"").contains("\"fps\" : 5.0");
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows.get(0)).startsWith("video,track_id,identity,person_id,person_name,start_s");
    assertThat(rows)
        .anySatisfy(
            row -> {
              assertThat(row).startsWith("day1/lobby.mp4,").contains(",person,");
              assertThat(row).contains(",Colin Powell,");
            });
    assertThat(Files.readString(report)).contains("<b>Colin Powell</b>").contains("day1/lobby.mp4");
    FileTime written = Files.getLastModifiedTime(json);

    // Nothing changed: the video is skipped and the report made again from its timeline.
    Run second = index(archive, null, false);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("Indexed 0 video(s), skipped 1 already indexed, 0 failed");
    assertThat(second.err()).doesNotContain("starting");
    assertThat(Files.getLastModifiedTime(json)).isEqualTo(written);
    assertThat(Files.readString(report)).contains("<b>Colin Powell</b>");

    // Enrolling somebody new (here through --enroll while the video is current) changes the
    // gallery: the video, decided before, is made again from the track archive (not decoded).
    LfwPhotos.enrol(enrol, "Tony_Blair", 2, 3);
    Run enrolled = index(archive, enrol, false);
    assertThat(enrolled.exit()).as(enrolled.err()).isZero();
    assertThat(enrolled.err())
        .contains("enrol: Tony Blair enrolled")
        .contains("the enrolment changed the gallery: 1 video(s) indexed before are out of date")
        .contains("day1/lobby.mp4: refreshed from the track archive, not decoded: 1 person");
    assertThat(enrolled.out())
        .contains(
            "Indexed 0 video(s), skipped 0 already indexed, 0 failed, 1 refreshed from the track"
                + " archive without decoding")
        .contains("refreshed  day1/lobby.mp4: gallery changed since indexed");
    assertThat(Files.readString(json)).contains("\"name\" : \"Colin Powell\"");
    assertThat(Files.getLastModifiedTime(json)).isNotEqualTo(written);
    written = Files.getLastModifiedTime(json);

    Run forced = index(archive, null, true);
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(forced.out()).contains("Indexed 1 video(s), skipped 0 already indexed, 0 failed");
    assertThat(Files.getLastModifiedTime(json)).isNotEqualTo(written);
    // The gallery kept the person enrolled by the first run.
    assertThat(Files.readString(json)).contains("\"name\" : \"Colin Powell\"");
  }
}
