package io.facetrail.matcher.stream;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.proto.TrackEnded;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.matcher.aggregate.FrameGate;
import io.facetrail.matcher.aggregate.TrackState;
import io.facetrail.matcher.aggregate.UnknownTrack;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.decision.Threshold;
import io.facetrail.matcher.decision.Verdict;
import io.facetrail.matcher.index.Match;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-track processor: folds observations into the track's aggregate, decides identity against
 * the gallery index and emits identity events. While the gallery is not confirmed current a
 * decision is marked pending (in a state store, so it survives a crash) and retried by a wall-clock
 * punctuator: events are delayed, never lost.
 */
final class TrackMatcher implements Processor<String, TrackEvent, String, IdentityEvent> {
  private static final Logger log = LoggerFactory.getLogger(TrackMatcher.class);
  private static final Duration RETENTION_SWEEP = Duration.ofMinutes(1);

  private final MatcherDependencies deps;
  private final DecisionPolicy policy;
  private final DecisionSettings settings;
  private final FrameGate gate;
  private final TrackArchiving archiving;
  private ProcessorContext<String, IdentityEvent> context;
  private KeyValueStore<String, TrackState> tracks;
  private KeyValueStore<String, byte[]> pending;
  private KeyValueStore<String, byte[]> unknown;

  TrackMatcher(MatcherDependencies deps) {
    this.deps = deps;
    this.policy = deps.policy();
    this.settings = policy.settings();
    this.gate = FrameGate.measured(settings.minQuality(), settings.qualityFloor());
    this.archiving = new TrackArchiving(deps);
  }

  @Override
  public void init(ProcessorContext<String, IdentityEvent> context) {
    this.context = context;
    this.tracks = context.getStateStore(MatcherTopology.TRACKS_STORE);
    this.pending = context.getStateStore(MatcherTopology.PENDING_STORE);
    this.unknown = context.getStateStore(MatcherTopology.UNKNOWN_STORE);
    context.schedule(deps.pendingCheck(), PunctuationType.WALL_CLOCK_TIME, t -> retryPending());
    context.schedule(
        RETENTION_SWEEP,
        PunctuationType.WALL_CLOCK_TIME,
        t -> {
          sweepUnknown();
          closeIdleTracks();
        });
  }

  @Override
  public void process(Record<String, TrackEvent> record) {
    TrackEvent e = record.value();
    String trackId = e.getTrackId();
    TrackState s = tracks.get(trackId);
    if (s == null) {
      s = new TrackState(trackId, e.getStreamId());
    }
    if (s.ended()) {
      return; // A late record after the end: the track's events are already out.
    }
    s.lastActivityMs(deps.clock().millis());
    forgetErased(s);
    switch (e.getBodyCase()) {
      case STARTED -> {
        s.labels(e.getStarted().getLabelsMap());
        s.startedAt(Moment.of(e.getStarted().getAt()));
      }
      case OBSERVATION -> {
        // Resolve the threshold first: without calibration the record goes to the dead-letter
        // topic untouched, before it changes any state.
        String model = e.getObservation().getModelId();
        deps.thresholds().at(model, model, deps.index().personCount());
        boolean changed = s.observe(e.getObservation(), gate, settings.maxObservations());
        if (s.personId() != null && s.dissenting() >= settings.changeHysteresis()) {
          splitOff(s);
        } else if (changed && s.goodFrames() >= settings.minGoodFrames()) {
          decide(s);
        }
      }
      case ENDED -> {
        TrackEnded end = e.getEnded();
        s.endedAt(Moment.of(end.getFirst()), Moment.of(end.getLast()));
        if (!finish(s, end)) {
          tracks.put(trackId, s);
        }
        return;
      }
      case BODY_NOT_SET -> throw new IllegalArgumentException("track event without a body");
    }
    tracks.put(trackId, s);
  }

  /**
   * Erasure reaches open tracks: a track named after a person no longer in the (current) gallery
   * ends its named part now with an {@code ended} event that names nobody, and drops the part's
   * faces and codes (it is not archived); the faces that follow are a new part, decided afresh.
   * Without this the erased person's id would ride on the track's events until it ended.
   */
  private void forgetErased(TrackState s) {
    String person = s.personId();
    if (person == null
        || !deps.galleryFresh().getAsBoolean()
        || deps.index().nameOf(person).isPresent()) {
      return;
    }
    s.closePart();
    s.identity(null, null, 0, s.changes());
    emit(IdentityEventType.ENDED, s, null);
    s.forgetPart();
    deps.metrics().erasedWhileOpen();
  }

  /** Compares the aggregate with the gallery and emits what changes; defers when not current. */
  private void decide(TrackState s) {
    if (!deps.galleryFresh().getAsBoolean()) {
      defer(s);
      return;
    }
    if (s.pending()) {
      s.pending(false);
      pending.delete(s.trackId());
    }
    byte[] code = s.aggregateCode();
    long started = System.nanoTime();
    List<Match> nearest = deps.index().search(code, s.modelId(), 2, deps.search());
    deps.metrics().queryLatency().record(Duration.ofNanos(System.nanoTime() - started));
    // The threshold of the pair (query model, model of the nearest code): a v2 query matched to a
    // v1-enrolled code is judged by the v2-v1 table. The index compares calibrated pairs only.
    // The gallery size is read at each decision, so the threshold follows enrolments and erasures.
    String against = nearest.isEmpty() ? s.modelId() : nearest.get(0).modelId();
    Threshold threshold =
        deps.thresholds().at(s.modelId(), against, deps.index().personCount(), s.goodFrames());
    Verdict v = policy.judge(s.goodFrames(), nearest, threshold.distance());
    String before = s.personId();
    DecisionPolicy.Transition t = policy.apply(s, v);
    if (v.kind() != Verdict.Kind.TOO_FEW_FRAMES) {
      s.operatingPoint(threshold.falseAcceptRate(), threshold.fpir(), threshold.persons());
    }
    s.evaluated();
    switch (t) {
      case IDENTIFIED -> emit(IdentityEventType.IDENTIFIED, s, null);
      case CHANGED -> emit(IdentityEventType.CHANGED, s, before);
      case NONE -> {
        // Nothing new to say.
      }
    }
  }

  /**
   * The identified track's latest good faces have disagreed with its name {@code changeHysteresis}
   * times in a row: the tracker has followed it onto somebody else. The identified part ends at its
   * last agreeing face, and the faces since go on as a new part ({@code <track id>/s<n>}) that is
   * decided afresh. The name is never carried onto the new face silently.
   */
  private void splitOff(TrackState s) {
    if (!deps.galleryFresh().getAsBoolean()) {
      defer(s);
      return;
    }
    Moment latest = s.lastSeen();
    s.closePart();
    emit(IdentityEventType.ENDED, s, null);
    archiving.archive(s, null);
    s.split(latest);
    deps.metrics().split();
    if (s.goodFrames() >= settings.minGoodFrames()) {
      decide(s);
    }
  }

  /**
   * Emits the track's final event (ended for identified tracks, unknown otherwise) and drops its
   * state.
   *
   * @return false when the gallery is not current and the end was deferred
   */
  private boolean finish(TrackState s, TrackEnded end) {
    if (!deps.galleryFresh().getAsBoolean()) {
      defer(s);
      return false;
    }
    forgetErased(s);
    if (s.unevaluated() > 0 && s.goodFrames() >= settings.minGoodFrames()) {
      decide(s);
    }
    if (s.observations() == 0 || s.modelId().isEmpty() || s.partEmpty()) {
      // Nothing was seen of this track (or of its part since an erasure): no face to report.
      clear(s);
      return true;
    }
    if (s.personId() != null) {
      // Trailing faces that disagreed with the name (too few to split off) are not reported as
      // the named person's.
      s.closePart();
      emit(IdentityEventType.ENDED, s, null);
      archiving.archive(s, end);
    } else {
      // Archived first: the unknown event says which cluster of unknown faces the track joined.
      String clusterId = archiving.archive(s, end);
      emit(IdentityEventType.UNKNOWN, s, null, clusterId);
      keepUnknown(s, end);
    }
    clear(s);
    return true;
  }

  private void keepUnknown(TrackState s, TrackEnded end) {
    long expires = deps.clock().millis() + settings.unknownRetention().toMillis();
    byte[] jpeg =
        end != null && end.hasBestFace()
            ? end.getBestFace().getThumbnailJpeg().toByteArray()
            : new byte[0];
    UnknownTrack u =
        new UnknownTrack(
            s.eventTrackId(),
            s.streamId(),
            s.modelId(),
            s.goodFrames() > 0 ? s.aggregateCode() : new byte[0],
            s.goodFrames(),
            s.firstSeen(),
            s.lastSeen(),
            jpeg,
            expires);
    unknown.put(u.storeKey(), u.toBytes());
  }

  private void clear(TrackState s) {
    tracks.delete(s.trackId());
    if (s.pending()) {
      pending.delete(s.trackId());
    }
  }

  private void defer(TrackState s) {
    if (!s.pending()) {
      s.pending(true);
      pending.put(s.trackId(), new byte[0]);
      deps.metrics().deferred();
    }
  }

  private void retryPending() {
    if (!deps.galleryFresh().getAsBoolean()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = pending.all()) {
      it.forEachRemaining(kv -> ids.add(kv.key));
    }
    for (String id : ids) {
      pending.delete(id);
      TrackState s = tracks.get(id);
      if (s == null) {
        continue;
      }
      s.pending(false);
      if (s.ended()) {
        // The thumbnail of an end deferred across the outage is not kept in state: the unknown
        // record then carries the aggregate only.
        if (!finish(s, null)) {
          tracks.put(id, s);
        }
      } else {
        if (s.unevaluated() > 0 || s.personId() == null) {
          decide(s);
        }
        tracks.put(id, s);
      }
    }
    deps.metrics().pendingTracks(pending.approximateNumEntries());
  }

  /**
   * Closes tracks whose end record never came, as if they had ended at their last sighting, and
   * stores again, in the current encoding, any state an older build wrote (the first sweep after an
   * upgrade reads each such state once and rewrites it).
   */
  private void closeIdleTracks() {
    long limit = deps.clock().millis() - settings.idleTrackTimeout().toMillis();
    List<TrackState> idle = new ArrayList<>();
    List<TrackState> older = new ArrayList<>();
    try (KeyValueIterator<String, TrackState> it = tracks.all()) {
      while (it.hasNext()) {
        TrackState s = it.next().value;
        if (!s.ended() && s.lastActivityMs() < limit) {
          idle.add(s);
        } else if (s.readFromOlderFormat()) {
          older.add(s);
        }
      }
    }
    for (TrackState s : older) {
      tracks.put(s.trackId(), s);
    }
    if (!older.isEmpty()) {
      log.info(
          "Rewrote {} track states stored by an older build in the current format", older.size());
    }
    for (TrackState s : idle) {
      s.endedAt(s.firstSeen(), s.lastSeen());
      if (!finish(s, null)) {
        tracks.put(s.trackId(), s);
      }
    }
  }

  private void sweepUnknown() {
    String upper = UnknownTrack.keyPrefix(deps.clock().millis() + 1);
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = unknown.range("", upper)) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        if (kv.key.compareTo(upper) < 0) {
          expired.add(kv.key);
        }
      }
    }
    expired.forEach(unknown::delete);
  }

  private void emit(IdentityEventType type, TrackState s, String previous) {
    emit(type, s, previous, null);
  }

  private void emit(IdentityEventType type, TrackState s, String previous, String clusterId) {
    IdentityEvent event =
        IdentityEvents.of(type, s, previous, clusterId, deps.index(), deps.clock().instant());
    deps.metrics().decided(type);
    context.forward(new Record<>(s.eventTrackId(), event, s.lastSeen().captureTimeMs()));
  }
}
