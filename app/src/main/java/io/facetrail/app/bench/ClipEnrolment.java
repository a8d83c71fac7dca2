package io.facetrail.app.bench;

import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.StoredCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Enrols the people of a clip from one pass of the pipeline over it: every track of the pass with
 * enough observations becomes a gallery person ({@code clip person N}) holding a few of the track's
 * face codes. A benchmark of identification latency needs people who can be identified, and a
 * street clip has no names; its own faces are the only enrolment that fits it.
 */
final class ClipEnrolment implements Consumer<TrackEvent> {
  /** Tracks shorter than this are passers-by too brief to stand for a person. */
  static final int MIN_OBSERVATIONS = 5;

  /** Codes enrolled per person, spread over the track. */
  static final int CODES_PER_PERSON = 6;

  /** Observations per stream and track, keyed {@code stream NUL track}. */
  private final Map<String, List<TrackObservation>> tracks = new LinkedHashMap<>();

  private String streamId;

  /** The stream of the enrolment pass (known once it started); other streams are ignored. */
  synchronized void streamIs(String id) {
    this.streamId = id;
  }

  @Override
  public synchronized void accept(TrackEvent e) {
    // Before the stream id is known, every observation is kept; enrol() then filters by stream.
    if (e.hasObservation() && !e.getObservation().getCode().isEmpty()) {
      tracks
          .computeIfAbsent(e.getStreamId() + "\u0000" + e.getTrackId(), k -> new ArrayList<>())
          .add(e.getObservation());
    }
  }

  /** Tracks of the enrolment pass seen so far, long or short. */
  synchronized long tracks() {
    return tracks.keySet().stream().filter(k -> k.startsWith(streamId + "\u0000")).count();
  }

  /** Enrols the tracks seen so far; returns how many persons were created. */
  synchronized int enrol(Gallery gallery) {
    int n = 0;
    for (Map.Entry<String, List<TrackObservation>> t : tracks.entrySet()) {
      List<TrackObservation> obs = t.getValue();
      if (!t.getKey().startsWith(streamId + "\u0000") || obs.size() < MIN_OBSERVATIONS) {
        continue;
      }
      n++;
      Person p = gallery.createPerson("clip person " + n, Map.of("source", "bench pipeline"));
      List<StoredCode> codes = new ArrayList<>();
      int step = Math.max(1, obs.size() / CODES_PER_PERSON);
      for (int i = 0; i < obs.size() && codes.size() < CODES_PER_PERSON; i += step) {
        TrackObservation o = obs.get(i);
        codes.add(
            new StoredCode(
                p.id() + "-" + i,
                o.getModelId(),
                o.getCode().toByteArray(),
                "clip frame " + o.getAt().getSequence(),
                Instant.now()));
      }
      gallery.addCodes(p.id(), codes);
    }
    return n;
  }
}
