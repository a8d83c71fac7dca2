package io.facetrail.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir Path dir;

  @Test
  void theReportNamesEveryPersonWithTheirRangesAndShowsUnknownFaces() {
    String html =
        HtmlReport.render(
            "Run", List.of(TimelineFixtures.cast()), Instant.parse("2026-01-02T03:04:05Z"), dir);
    // Names and inputs are escaped, never markup.
    assertThat(html).contains("Alice &lt;A&gt;").doesNotContain("Alice <A>");
    assertThat(html).contains("lobby &amp; hall.mp4");
    assertThat(html).contains("<b>Bob</b>");
    assertThat(html).contains("00:00.5–00:04.0").contains("00:03.0–00:06.0");
    assertThat(html).contains("Unknown faces (1)").contains("data-track=\"s1/t4\"");
    assertThat(html).contains("1 video (8.0 s) · 2 persons identified · 1 unknown track");
    assertThat(html).contains("completed: 80 frames read, 40 analysed");
    // Faces held in memory are embedded: the report is one file.
    assertThat(html).contains("src=\"data:image/jpeg;base64,/9gBAg==\"");
    assertThat(html).contains("<svg");
  }

  @Test
  void facesStoredAsFilesAreLinkedRelativeToTheReportAndFailedVideosSayWhy() throws Exception {
    Path face = Files.createDirectories(dir.resolve("a b.faces")).resolve("t#1.jpg");
    TrackRecord t =
        TimelineFixtures.track("s/t1", "p", "Pat", 0, 1_000)
            .withFace(new FaceImage(null, face, 0.5));
    VideoTimeline ok = new VideoTimeline("a b.mp4", "s", 2_000, null, List.of(t));
    VideoTimeline failed =
        new VideoTimeline(
            "broken.mp4",
            null,
            -1,
            new InputOutcome(InputOutcome.Status.FAILED, "broken.mp4: invalid data", 0, 0, 0),
            List.of());
    Path file = dir.resolve("out/report.html");
    HtmlReport.write(file, "Archive", List.of(ok, failed), Instant.EPOCH);
    String html = Files.readString(file);
    assertThat(html).contains("src=\"../a%20b.faces/t%231.jpg\"");
    assertThat(html).contains("FAILED: broken.mp4: invalid data").contains("1 failed");
    assertThat(html).contains("did not end");
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
    // Readable by others as any file the user writes (createTempFile would make it owner-only).
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void withNobodyIdentifiedTheReportSaysSo() {
    VideoTimeline v =
        new VideoTimeline(
            "x.mp4", "s", 1_000, null, List.of(TimelineFixtures.track("s/t", null, null, 0, 500)));
    assertThat(HtmlReport.render("R", List.of(v), Instant.EPOCH, dir))
        .contains("Nobody enrolled was identified.")
        .contains("No enrolled person identified.");
  }

  @Test
  void aVideoNamedWithAColonIsLinkedAsARelativePathNotAScheme() throws Exception {
    // `index` of cam1:lobby.mp4 stores its faces in cam1:lobby.mp4.faces/: as a URI that was the
    // scheme "cam1" with no path, and the report failed with a NullPointerException.
    for (String video : List.of("cam1:lobby.mp4", "javascript:alert(1).mp4")) {
      Path face = Files.createDirectories(dir.resolve(video + ".faces")).resolve("t1.jpg");
      TrackRecord t =
          TimelineFixtures.track("s/t1", "p", "Pat", 0, 1_000)
              .withFace(new FaceImage(null, face, 0.5));
      Path file = dir.resolve("index.html");
      HtmlReport.write(
          file,
          "Archive",
          List.of(new VideoTimeline(video, "s", 2_000, null, List.of(t))),
          Instant.EPOCH);
      assertThat(Files.readString(file)).contains("src=\"./" + video + ".faces/t1.jpg\"");
    }
  }

  @Test
  void everyNameFileNameAndIdIsEscaped() {
    String evil = "<script>alert('x')</script>\"onload=\"";
    TrackRecord person =
        TimelineFixtures.track("s/" + evil, "id-" + evil, "name-" + evil, 0, 1_000)
            .withFace(new FaceImage(new byte[] {1}, null, 0.5));
    TrackRecord unknown =
        TimelineFixtures.track("s/u-" + evil, null, null, 1_000, 2_000)
            .withFace(new FaceImage(new byte[] {1}, null, 0.5));
    String html =
        HtmlReport.render(
            "title-" + evil,
            List.of(
                new VideoTimeline(
                    "video-" + evil + ".mp4", "s", 3_000, null, List.of(person, unknown))),
            Instant.EPOCH,
            dir);
    assertThat(html).doesNotContain("<script").doesNotContain("\"onload=");
    assertThat(html)
        .contains("title-&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;onload=&quot;")
        .contains("name-&lt;script&gt;")
        .contains("data-person=\"id-&lt;script&gt;")
        .contains("video-&lt;script&gt;")
        .contains("data-track=\"s/u-&lt;script&gt;");
  }
}
