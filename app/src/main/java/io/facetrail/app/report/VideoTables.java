package io.facetrail.app.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The table of a video's identified persons: when, how many tracks and frames, how close. */
final class VideoTables {
  private VideoTables() {}

  static void persons(StringBuilder b, VideoTimeline v) {
    List<PersonAppearance> persons = v.persons();
    if (persons.isEmpty()) {
      b.append("<p class=\"none\">No enrolled person identified.</p>");
      return;
    }
    b.append("<table><thead><tr><th>Person</th><th>When</th><th>Tracks</th><th>Frames</th>")
        .append("<th>Best distance</th></tr></thead><tbody>");
    for (PersonAppearance p : persons) {
      Double d = p.bestDistance();
      b.append("<tr><td><span class=\"swatch\" style=\"background:")
          .append(Html.personColour(p.personId()))
          .append("\"></span>")
          .append(Html.esc(p.name()))
          .append("</td><td>")
          .append(
              Html.esc(
                  p.ranges().stream()
                      .map(MediaTimeFormat::range)
                      .collect(Collectors.joining(", "))))
          .append("</td><td>")
          .append(p.tracks().size())
          .append("</td><td>")
          .append(p.frames())
          .append("</td><td>")
          .append(d == null ? "–" : String.format(Locale.ROOT, "%.3f", d))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
  }
}
