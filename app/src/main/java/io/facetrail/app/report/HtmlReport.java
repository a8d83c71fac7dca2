package io.facetrail.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The HTML report of a run or an archive: a card with a face per identified person, and per video a
 * drawn timeline, the persons' time ranges and a face per unknown track. One self-contained file:
 * styles inline, faces as data URIs or as links to the JPEG files next to the report.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Writes the report (atomically: a reader never sees half a file).
   *
   * @param file the HTML file; its folder is created if missing
   * @param title the report's heading
   * @param videos the timelines, in the order to show them
   * @param generatedAt when the report was made
   */
  public static void write(
      Path file, String title, List<VideoTimeline> videos, Instant generatedAt) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    try {
      Files.createDirectories(dir);
      // Not createTempFile: its files are owner-only, and a report is meant to be shared (the
      // file gets the permissions of the user's umask, like any other they write).
      Path tmp =
          dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        Files.writeString(tmp, render(title, videos, generatedAt, dir), StandardCharsets.UTF_8);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
    }
  }

  /** The report's HTML; face files are linked relative to {@code reportDir}. */
  static String render(String title, List<VideoTimeline> videos, Instant at, Path reportDir) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.esc(title))
        .append("</title><style>")
        .append(ReportStyle.CSS)
        .append("</style></head><body>\n<header><h1>")
        .append(Html.esc(title))
        .append("</h1><p class=\"meta\">")
        .append(Html.esc(overview(videos, at)))
        .append("</p></header>\n");
    persons(b, ArchivePerson.of(videos), reportDir);
    b.append("<section id=\"videos\"><h2>Videos</h2>\n");
    int n = 0;
    for (VideoTimeline v : videos) {
      video(b, v, ++n, reportDir);
    }
    return b.append("</section>\n</body></html>\n").toString();
  }

  private static String overview(List<VideoTimeline> videos, Instant at) {
    double ms = videos.stream().mapToDouble(v -> Math.max(0, v.durationMs())).sum();
    long failed =
        videos.stream()
            .filter(v -> v.outcome() != null)
            .filter(v -> v.outcome().status() == InputOutcome.Status.FAILED)
            .count();
    long unknown = videos.stream().mapToLong(v -> v.unknownTracks().size()).sum();
    return String.format(
        Locale.ROOT,
        "%d video%s (%s)%s · %d person%s identified · %d unknown track%s · made %s",
        videos.size(),
        videos.size() == 1 ? "" : "s",
        MediaTimeFormat.length(ms),
        failed > 0 ? " · " + failed + " failed" : "",
        ArchivePerson.of(videos).size(),
        ArchivePerson.of(videos).size() == 1 ? "" : "s",
        unknown,
        unknown == 1 ? "" : "s",
        at.truncatedTo(ChronoUnit.SECONDS));
  }

  private static void persons(StringBuilder b, List<ArchivePerson> persons, Path reportDir) {
    b.append("<section id=\"persons\"><h2>Persons</h2>\n");
    if (persons.isEmpty()) {
      b.append("<p class=\"none\">Nobody enrolled was identified.</p>");
    }
    b.append("<div class=\"cards\">");
    for (ArchivePerson p : persons) {
      b.append("<figure class=\"card person\" data-person=\"")
          .append(Html.esc(p.personId()))
          .append("\" style=\"border-color:")
          .append(Html.personColour(p.personId()))
          .append("\">");
      face(b, p.bestFace(), p.name(), reportDir);
      b.append("<figcaption><b>")
          .append(Html.esc(p.name()))
          .append("</b><br>")
          .append(
              Html.esc(
                  String.format(
                      Locale.ROOT,
                      "%s on screen · %d video%s · %d track%s",
                      MediaTimeFormat.length(p.screenTimeMs()),
                      p.appearances().size(),
                      p.appearances().size() == 1 ? "" : "s",
                      p.tracks(),
                      p.tracks() == 1 ? "" : "s")))
          .append("</figcaption></figure>");
    }
    b.append("</div></section>\n");
  }

  private static void video(StringBuilder b, VideoTimeline v, int n, Path reportDir) {
    InputOutcome o = v.outcome();
    boolean failed = o != null && o.status() == InputOutcome.Status.FAILED;
    b.append("<article class=\"video\" id=\"video-")
        .append(n)
        .append("\"><h3>")
        .append(Html.esc(v.input()))
        .append("</h3><p class=\"status ")
        .append(failed ? "failed" : "ok")
        .append("\">")
        .append(Html.esc(o == null ? "did not end" : o.describe()))
        .append(v.durationMs() >= 0 ? " · length " + MediaTimeFormat.format(v.durationMs()) : "")
        .append("</p>\n");
    if (failed && v.tracks().isEmpty()) {
      b.append("</article>\n");
      return;
    }
    b.append(TimelineSvg.render(v)).append('\n');
    VideoTables.persons(b, v);
    List<TrackRecord> unknown = v.unknownTracks();
    if (!unknown.isEmpty()) {
      b.append("<h4>Unknown faces (").append(unknown.size()).append(")</h4><div class=\"cards\">");
      for (TrackRecord t : unknown) {
        b.append("<figure class=\"card unknown\" data-track=\"")
            .append(Html.esc(t.trackId()))
            .append("\">");
        face(b, t.face(), "unknown face", reportDir);
        b.append("<figcaption>")
            .append(Html.esc(MediaTimeFormat.range(t.range())))
            .append("<br><small>track ")
            .append(Html.esc(t.trackId()))
            .append("</small></figcaption></figure>");
      }
      b.append("</div>");
    }
    b.append("</article>\n");
  }

  private static void face(StringBuilder b, FaceImage face, String alt, Path reportDir) {
    if (face == null) {
      b.append("<div class=\"noface\">no picture</div>");
      return;
    }
    b.append("<img class=\"face\" alt=\"")
        .append(Html.esc(alt))
        .append("\" src=\"")
        .append(Html.esc(Html.imageSource(face, reportDir)))
        .append("\">");
  }
}
