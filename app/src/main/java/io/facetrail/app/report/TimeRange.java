package io.facetrail.app.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A stretch of media time, in milliseconds from the start of the video.
 *
 * @param fromMs first moment
 * @param toMs last moment ({@code >= fromMs})
 */
public record TimeRange(double fromMs, double toMs) {
  /** Appearances closer than this merge into one range: a face lost for a moment is still there. */
  public static final double MERGE_GAP_MS = 1_000;

  public TimeRange {
    if (toMs < fromMs) {
      throw new IllegalArgumentException(
          "range ends (" + toMs + ") before it starts (" + fromMs + ")");
    }
  }

  public double lengthMs() {
    return toMs - fromMs;
  }

  /**
   * The ranges sorted, with overlapping ones and ones at most {@link #MERGE_GAP_MS} apart joined.
   */
  public static List<TimeRange> merge(List<TimeRange> ranges) {
    List<TimeRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingDouble(TimeRange::fromMs));
    List<TimeRange> out = new ArrayList<>();
    for (TimeRange r : sorted) {
      int last = out.size() - 1;
      if (last >= 0 && r.fromMs() <= out.get(last).toMs() + MERGE_GAP_MS) {
        TimeRange joined = out.get(last);
        out.set(last, new TimeRange(joined.fromMs(), Math.max(joined.toMs(), r.toMs())));
      } else {
        out.add(r);
      }
    }
    return out;
  }
}
