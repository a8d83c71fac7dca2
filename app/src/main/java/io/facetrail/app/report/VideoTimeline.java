package io.facetrail.app.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who appears when in one input: its tracks, each identified or unknown, and how reading it ended.
 *
 * @param input the input as the user gave it (never with credentials)
 * @param streamId the pipeline's stream id of the input
 * @param durationMs the input's length, or -1 when unknown (live)
 * @param outcome how reading the input ended, or null when it has not ended
 * @param tracks the tracks in order of first appearance
 */
public record VideoTimeline(
    String input,
    String streamId,
    double durationMs,
    InputOutcome outcome,
    List<TrackRecord> tracks) {
  public VideoTimeline {
    tracks = tracks.stream().sorted(Comparator.comparingDouble(t -> t.range().fromMs())).toList();
  }

  /** The identified persons, in order of first appearance. */
  public List<PersonAppearance> persons() {
    Map<String, List<TrackRecord>> byPerson = new LinkedHashMap<>();
    for (TrackRecord t : tracks) {
      if (t.identified()) {
        byPerson.computeIfAbsent(t.personId(), k -> new ArrayList<>()).add(t);
      }
    }
    List<PersonAppearance> out = new ArrayList<>();
    for (List<TrackRecord> ts : byPerson.values()) {
      TrackRecord first = ts.get(0);
      out.add(
          new PersonAppearance(
              first.personId(),
              first.label(),
              TimeRange.merge(ts.stream().map(TrackRecord::range).toList()),
              ts));
    }
    return out;
  }

  /** The tracks no enrolled person matched. */
  public List<TrackRecord> unknownTracks() {
    return tracks.stream().filter(t -> !t.identified()).toList();
  }

  /** The end of the timeline's axis: the duration, or the last moment seen when unknown. */
  public double axisEndMs() {
    double lastSeen = tracks.stream().mapToDouble(t -> t.range().toMs()).max().orElse(0);
    return Math.max(durationMs, lastSeen);
  }
}
