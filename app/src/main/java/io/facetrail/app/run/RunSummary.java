package io.facetrail.app.run;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Who appeared when, per input: built from the identity events (identified and ended events for
 * matched tracks, unknown events for the others) and the ingest outcome of each input.
 */
final class RunSummary implements Consumer<IdentityEvent> {
  /** Appearances of one person closer than this merge into one time range. */
  static final double MERGE_GAP_MS = 1_000;

  /** One track as the summary knows it. */
  record Track(String trackId, String person, double firstMs, double lastMs, long frames) {}

  /** A time range in media milliseconds. */
  record Range(double fromMs, double toMs) {}

  private final Map<String, String> inputNames;
  private final Map<String, StreamOutcome> outcomes = new LinkedHashMap<>();
  private final Map<String, Map<String, Track>> tracks = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();
  private boolean interrupted;

  /**
   * @param inputNames stream id to input, in the order the inputs were given
   */
  RunSummary(Map<String, String> inputNames) {
    this.inputNames = new LinkedHashMap<>(inputNames);
  }

  @Override
  public synchronized void accept(IdentityEvent e) {
    Map<String, Track> byTrack = tracks.computeIfAbsent(e.streamId(), k -> new LinkedHashMap<>());
    String person =
        switch (e.type()) {
          case UNKNOWN -> null;
          default -> e.person() == null ? null : displayName(e);
        };
    byTrack.put(
        e.trackId(),
        new Track(
            e.trackId(),
            person,
            e.firstSeen().mediaTimeMs(),
            e.lastSeen().mediaTimeMs(),
            e.framesUsed()));
  }

  private static String displayName(IdentityEvent e) {
    // Keys of the printed summary: safe to print (a name must not rewrite the terminal).
    return DisplayText.safe(
        e.person().name() == null ? "(erased person " + e.person().id() + ")" : e.person().name());
  }

  synchronized void ended(StreamOutcome outcome) {
    outcomes.put(outcome.streamId(), outcome);
  }

  /** The tracks of one stream. */
  synchronized List<Track> tracks(String streamId) {
    return List.copyOf(tracks.getOrDefault(streamId, Map.of()).values());
  }

  /** Time ranges per person (identified tracks merged), in order of first appearance. */
  synchronized Map<String, List<Range>> appearances(String streamId) {
    Map<String, List<Range>> raw = new TreeMap<>();
    for (Track t : tracks(streamId)) {
      if (t.person() != null) {
        raw.computeIfAbsent(t.person(), k -> new ArrayList<>())
            .add(new Range(t.firstMs(), t.lastMs()));
      }
    }
    Map<String, List<Range>> merged = new LinkedHashMap<>();
    raw.entrySet().stream()
        .sorted(
            Comparator.comparingDouble(
                en -> en.getValue().stream().mapToDouble(Range::fromMs).min().orElse(0)))
        .forEach(en -> merged.put(en.getKey(), merge(en.getValue())));
    return merged;
  }

  static List<Range> merge(List<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingDouble(Range::fromMs));
    List<Range> out = new ArrayList<>();
    for (Range r : sorted) {
      if (!out.isEmpty() && r.fromMs() <= out.get(out.size() - 1).toMs() + MERGE_GAP_MS) {
        Range last = out.remove(out.size() - 1);
        out.add(new Range(last.fromMs(), Math.max(last.toMs(), r.toMs())));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The run was stopped (Ctrl-C) before the pipeline had analysed everything: {@code analysed}
   * says, per stream id, how far it got.
   */
  synchronized void interrupted(Map<String, String> analysed) {
    interrupted = true;
    notes.putAll(analysed);
  }

  synchronized StreamOutcome outcome(String streamId) {
    return outcomes.get(streamId);
  }

  /** Whether every input completed (none failed). */
  synchronized boolean allCompleted() {
    return outcomes.values().stream().allMatch(o -> o.reason().name().equals("COMPLETED"));
  }

  synchronized void print(PrintStream out) {
    out.println();
    out.println(interrupted ? "Summary (stopped: what was analysed until then)" : "Summary");
    for (Map.Entry<String, String> input : inputNames.entrySet()) {
      String stream = input.getKey();
      StreamOutcome o = outcomes.get(stream);
      out.printf("  %s: %s%n", DisplayText.safe(input.getValue()), DisplayText.safe(describe(o)));
      if (notes.containsKey(stream)) {
        out.printf("    %s%n", DisplayText.safe(notes.get(stream)));
      }
      List<Track> all = tracks(stream);
      Map<String, List<Range>> who = appearances(stream);
      int width = who.keySet().stream().mapToInt(String::length).max().orElse(0);
      width = Math.max(width, "unknown faces".length());
      for (Map.Entry<String, List<Range>> p : who.entrySet()) {
        long count = all.stream().filter(t -> p.getKey().equals(t.person())).count();
        out.printf(
            Locale.ROOT,
            "    %-" + width + "s  %s  (%d track%s)%n",
            p.getKey(),
            ranges(p.getValue()),
            count,
            count == 1 ? "" : "s");
      }
      List<Range> unknown =
          all.stream()
              .filter(t -> t.person() == null)
              .map(t -> new Range(t.firstMs(), t.lastMs()))
              .sorted(Comparator.comparingDouble(Range::fromMs))
              .toList();
      if (!unknown.isEmpty()) {
        out.printf(
            Locale.ROOT,
            "    %-" + width + "s  %s  (%d track%s)%n",
            "unknown faces",
            ranges(unknown),
            unknown.size(),
            unknown.size() == 1 ? "" : "s");
      }
      long identified = all.stream().filter(t -> t.person() != null).count();
      out.printf(
          Locale.ROOT,
          "    %d tracks: %d identified, %d unknown%n",
          all.size(),
          identified,
          all.size() - identified);
    }
  }

  private static String describe(StreamOutcome o) {
    if (o == null) {
      return "did not end";
    }
    var c = o.counts();
    String counts =
        String.format(
            Locale.ROOT,
            "%d frames read, %d sampled, %d published%s",
            c.framesRead(),
            c.framesSelected(),
            c.framesPublished(),
            c.framesCorrupt() > 0 ? ", " + c.framesCorrupt() + " lost to corrupt data" : "");
    return switch (o.reason()) {
      case COMPLETED -> "completed: " + counts;
      case STOPPED -> "stopped: " + counts;
      case FAILED -> "FAILED: " + o.detail();
    };
  }

  private static String ranges(List<Range> ranges) {
    List<String> parts = new ArrayList<>();
    for (Range r : ranges) {
      parts.add(MediaTime.range(r.fromMs(), r.toMs()));
    }
    return String.join(", ", parts);
  }
}
