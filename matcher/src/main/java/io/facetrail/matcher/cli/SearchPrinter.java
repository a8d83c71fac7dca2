package io.facetrail.matcher.cli;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchiveIndex;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** One line per track found: rank, where and when, distance, and the track's decision. */
final class SearchPrinter {
  private final PrintWriter out;
  private final Map<String, String> names;
  private final double threshold;

  /**
   * @param names display names of enrolled persons by id
   * @param threshold the photo's match threshold (NaN: not shown)
   */
  SearchPrinter(PrintWriter out, Map<String, String> names, double threshold) {
    this.out = out;
    this.names = names;
    this.threshold = threshold;
  }

  void print(List<ArchiveIndex.Hit> hits) {
    if (hits.isEmpty()) {
      out.println("no archived track found");
      return;
    }
    int rank = 1;
    for (ArchiveIndex.Hit h : hits) {
      ArchiveIndex.Entry e = h.entry();
      out.printf(
          "%d\t%s %s–%s\t%s\t%s\t(track %s, %s)%n",
          rank++,
          DisplayText.safe(e.streamId()),
          clock(e.firstSeen()),
          clock(e.lastSeen()),
          distance(h.distance()),
          decision(e.decision()),
          DisplayText.safe(e.trackId()),
          e.firstSeen().capturedAt());
    }
  }

  private String distance(double d) {
    if (Double.isNaN(d)) {
      return "distance -";
    }
    String s = String.format("distance %.3f", d);
    return Double.isNaN(threshold) ? s : s + (d <= threshold ? " match" : " no match");
  }

  private String decision(TrackDecision d) {
    if (d.personId() == null) {
      return "unknown" + (d.retroactive() ? " (re-decided)" : "");
    }
    String name = names.get(d.personId());
    return "identified "
        + (name == null ? "(erased person)" : DisplayText.safe(name))
        + (d.retroactive() ? " (re-decided)" : "");
  }

  /** {@code mm:ss.s} of the media time, as the run's output shows it. */
  static String clock(Moment m) {
    long tenths = Math.round(m.mediaTimeMs() / 100.0);
    return String.format("%02d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
  }
}
