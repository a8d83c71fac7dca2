package io.facetrail.app.index;

import io.facetrail.app.report.MediaTimeFormat;
import io.facetrail.app.report.TrackRecord;
import io.facetrail.app.report.VideoTimeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A video's timeline as CSV (RFC 4180, UTF-8, header row): one row per track, identified or
 * unknown, in order of appearance. Cells that a spreadsheet would run as a formula are neutralised
 * ({@link #cell}).
 */
final class TimelineCsv {
  static final List<String> HEADER =
      List.of(
          "video",
          "track_id",
          "identity",
          "person_id",
          "person_name",
          "start_s",
          "end_s",
          "start",
          "end",
          "frames",
          "distance",
          "threshold");

  private TimelineCsv() {}

  static void write(VideoTimeline v, Path file) throws IOException {
    StringBuilder b = new StringBuilder();
    row(b, HEADER);
    for (TrackRecord t : v.tracks()) {
      row(
          b,
          List.of(
              v.input(),
              t.trackId(),
              t.identified() ? "person" : "unknown",
              t.personId() == null ? "" : t.personId(),
              t.personName() == null ? "" : t.personName(),
              seconds(t.range().fromMs()),
              seconds(t.range().toMs()),
              MediaTimeFormat.format(t.range().fromMs()),
              MediaTimeFormat.format(t.range().toMs()),
              Long.toString(t.frames()),
              number(t.distance()),
              number(t.threshold())));
    }
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(cell(cells.get(i)));
    }
    b.append("\r\n");
  }

  /**
   * A cell as written: neutralised when a spreadsheet would read it as a formula, then quoted when
   * it holds a separator, a quote or a line break. Video file names, person names and ids come from
   * users: a name like {@code =HYPERLINK(...)} or {@code @SUM(...)} must stay text. As OWASP's CSV
   * injection guidance says, a cell starting with {@code = + - @}, a tab or a carriage return gets
   * a leading single quote (spreadsheets show it as text; FaceTrail's own numbers never start so).
   */
  static String cell(String value) {
    return quote(neutralised(value));
  }

  static String neutralised(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    boolean formula =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formula ? "'" + cell : cell;
  }

  /** Quotes a cell when it holds a separator, a quote or a line break (quotes doubled). */
  static String quote(String cell) {
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }

  private static String seconds(double ms) {
    return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
  }

  private static String number(Double d) {
    return d == null ? "" : String.format(Locale.ROOT, "%.4f", d);
  }
}
