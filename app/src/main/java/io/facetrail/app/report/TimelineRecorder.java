package io.facetrail.app.report;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.TrackParts;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.TrackEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers every track of a run from the tracks topic (when and where each face was, its best face)
 * and the identity topic (who it was). Both topics are keyed by track, so each arrives in order per
 * track; the two may interleave in any way. Thread-safe: the two feeds call it from their threads.
 *
 * <p>Bounded: a live input never ends, so at most {@code maxTracksPerStream} tracks are kept per
 * stream. Past that, the earliest finished track (its final identity event seen) makes room, else
 * the earliest track; {@link #dropped} counts them, so that a report can say what it leaves out.
 */
public final class TimelineRecorder {
  /**
   * Tracks kept per stream by {@code run}: with a best-face thumbnail of a few KB each, some tens
   * of MB per live input at most.
   */
  public static final int MAX_TRACKS_PER_STREAM = 10_000;

  private final boolean keepBoxes;
  private final int maxTracksPerStream;
  private final Map<String, Map<String, TrackDraft>> streams = new LinkedHashMap<>();
  private final Map<String, Long> dropped = new LinkedHashMap<>();

  /**
   * A recorder keeping at most {@link #MAX_TRACKS_PER_STREAM} tracks per stream.
   *
   * @param keepBoxes whether to keep every observed box (for annotated videos); timelines need only
   *     times, and boxes cost memory on long inputs
   */
  public TimelineRecorder(boolean keepBoxes) {
    this(keepBoxes, MAX_TRACKS_PER_STREAM);
  }

  /**
   * @param keepBoxes as {@link #TimelineRecorder(boolean)}
   * @param maxTracksPerStream tracks kept per stream ({@code index}, which writes and forgets each
   *     video's complete timeline in turn, passes {@link Integer#MAX_VALUE})
   */
  public TimelineRecorder(boolean keepBoxes, int maxTracksPerStream) {
    if (maxTracksPerStream < 1) {
      throw new IllegalArgumentException("at least one track per stream must be kept");
    }
    this.keepBoxes = keepBoxes;
    this.maxTracksPerStream = maxTracksPerStream;
  }

  /** Takes a record of the tracks topic. */
  public synchronized void onTrack(TrackEvent e) {
    TrackDraft d = draft(e.getStreamId(), e.getTrackId());
    switch (e.getBodyCase()) {
      case STARTED -> d.seen(e.getStarted().getAt().getMediaTimeUs());
      case OBSERVATION -> {
        var o = e.getObservation();
        long at = o.getAt().getMediaTimeUs();
        d.seen(at);
        d.observations++;
        if (keepBoxes) {
          Box b = o.getBox();
          d.boxes.add(new TrackBox(at, b.getX(), b.getY(), b.getWidth(), b.getHeight()));
        }
      }
      case ENDED -> {
        var end = e.getEnded();
        d.trackerEnded = true;
        d.firstUs = end.getFirst().getMediaTimeUs();
        d.lastUs = end.getLast().getMediaTimeUs();
        d.observations = Math.max(d.observations, end.getObservations());
        if (end.hasBestFace() && !end.getBestFace().getThumbnailJpeg().isEmpty()) {
          var best = end.getBestFace();
          d.face = new FaceImage(best.getThumbnailJpeg().toByteArray(), null, best.getQuality());
        }
      }
      case BODY_NOT_SET -> {
        // A record without a body says nothing about the track.
      }
    }
  }

  /** Takes an event of the identity topic. */
  public synchronized void onIdentity(IdentityEvent e) {
    TrackDraft d = draft(e.streamId(), e.trackId());
    d.seen(e.firstSeen().mediaTimeUs());
    d.seen(e.lastSeen().mediaTimeUs());
    if (e.type() == IdentityEventType.UNKNOWN) {
      d.personId = null;
      d.personName = null;
    } else if (e.person() != null) {
      d.personId = e.person().id();
      d.personName = e.person().name();
    } else if (e.type() == IdentityEventType.ENDED) {
      // A named part ending without a person: the person was erased while the track was open.
      d.personId = null;
      d.personName = null;
    }
    d.distance = e.distance();
    d.threshold = e.threshold();
    if (e.type() == IdentityEventType.ENDED || e.type() == IdentityEventType.UNKNOWN) {
      d.identityLastUs = e.lastSeen().mediaTimeUs();
      d.decided = true;
    }
  }

  /**
   * Where each part of a track the matcher split begins, by the tracker's track id: part 1 onwards
   * (part 0 begins with the track).
   */
  private static Map<String, TreeMap<Long, String>> partStarts(Map<String, TrackDraft> drafts) {
    Map<String, TreeMap<Long, String>> out = new LinkedHashMap<>();
    drafts.forEach(
        (id, d) -> {
          if (TrackParts.part(id) > 0 && d.firstUs != Long.MAX_VALUE) {
            out.computeIfAbsent(TrackParts.trackerTrack(id), k -> new TreeMap<>())
                .put(d.firstUs, id);
          }
        });
    return out;
  }

  /** The timeline of one stream as gathered so far. */
  public synchronized VideoTimeline timeline(
      String streamId, String input, double durationMs, InputOutcome outcome) {
    List<TrackRecord> tracks = new ArrayList<>();
    Map<String, TrackDraft> drafts = streams.getOrDefault(streamId, Map.of());
    Map<String, TreeMap<Long, String>> parts = partStarts(drafts);
    for (Map.Entry<String, TrackDraft> t : drafts.entrySet()) {
      TrackDraft d = t.getValue();
      if (d.firstUs == Long.MAX_VALUE) {
        continue;
      }
      long lastUs = d.lastUs;
      TreeMap<Long, String> later = parts.get(t.getKey());
      if (later != null) {
        // The tracker's end record spans every part; the named part ends at its own last face, so
        // its name is never drawn over the part that showed somebody else.
        lastUs =
            d.identityLastUs != Long.MIN_VALUE
                ? d.identityLastUs
                : Math.max(d.firstUs, later.firstKey() - 1);
      }
      tracks.add(
          new TrackRecord(
              t.getKey(),
              d.personId,
              d.personName,
              new TimeRange(d.firstUs / 1000.0, lastUs / 1000.0),
              d.observations,
              d.distance,
              d.threshold,
              d.face));
    }
    return new VideoTimeline(input, streamId, durationMs, outcome, tracks);
  }

  /** The observed boxes of every track of a stream, in time order (empty unless kept). */
  public synchronized Map<String, List<TrackBox>> boxes(String streamId) {
    Map<String, List<TrackBox>> out = new LinkedHashMap<>();
    Map<String, TrackDraft> drafts = streams.getOrDefault(streamId, Map.of());
    Map<String, TreeMap<Long, String>> parts = partStarts(drafts);
    drafts.forEach(
        (id, d) -> {
          List<TrackBox> sorted = new ArrayList<>(d.boxes);
          sorted.sort(java.util.Comparator.comparingLong(TrackBox::mediaTimeUs));
          TreeMap<Long, String> later = parts.getOrDefault(id, new TreeMap<>());
          for (TrackBox b : sorted) {
            // A box after a part began is that part's: it is drawn with that part's name.
            Map.Entry<Long, String> part = later.floorEntry(b.mediaTimeUs());
            out.computeIfAbsent(part == null ? id : part.getValue(), k -> new ArrayList<>()).add(b);
          }
        });
    return out;
  }

  /** Tracks of a stream let go to keep within the bound (they are missing from its timeline). */
  public synchronized long dropped(String streamId) {
    return dropped.getOrDefault(streamId, 0L);
  }

  /** Drops what was gathered about a stream (its timeline has been written). */
  public synchronized void forget(String streamId) {
    streams.remove(streamId);
    dropped.remove(streamId);
  }

  private TrackDraft draft(String streamId, String trackId) {
    Map<String, TrackDraft> drafts = streams.computeIfAbsent(streamId, k -> new LinkedHashMap<>());
    TrackDraft d = drafts.get(trackId);
    if (d == null) {
      d = new TrackDraft();
      drafts.put(trackId, d);
      if (drafts.size() > maxTracksPerStream) {
        drafts.remove(leastNeeded(drafts));
        dropped.merge(streamId, 1L, Long::sum);
      }
    }
    return d;
  }

  /**
   * The track to let go: the earliest whose records are all in (decided, and ended by the tracker
   * unless it is a part the matcher split off, which the tracker never ends), so that no late
   * record brings a fragment of it back; else the earliest decided one; else the earliest.
   */
  private static String leastNeeded(Map<String, TrackDraft> drafts) {
    String decided = null;
    for (Map.Entry<String, TrackDraft> e : drafts.entrySet()) {
      TrackDraft d = e.getValue();
      if (d.decided && (d.trackerEnded || TrackParts.part(e.getKey()) > 0)) {
        return e.getKey();
      }
      if (d.decided && decided == null) {
        decided = e.getKey();
      }
    }
    return decided != null ? decided : drafts.keySet().iterator().next();
  }

  /** What is known of one track so far. */
  private static final class TrackDraft {
    long firstUs = Long.MAX_VALUE;
    long lastUs = Long.MIN_VALUE;
    long identityLastUs = Long.MIN_VALUE;
    long observations;
    String personId;
    String personName;
    Double distance;
    Double threshold;
    FaceImage face;
    boolean trackerEnded;
    boolean decided;
    final List<TrackBox> boxes = new ArrayList<>();

    void seen(long us) {
      firstUs = Math.min(firstUs, us);
      lastUs = Math.max(lastUs, us);
    }
  }
}
