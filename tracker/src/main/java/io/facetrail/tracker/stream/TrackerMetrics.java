package io.facetrail.tracker.stream;

import io.facetrail.contracts.proto.TrackEndCause;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.tracker.session.SessionOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The tracker's meters, registered once per topology and shared by its processors. */
final class TrackerMetrics {
  private final MeterRegistry registry;
  private final Map<SessionOutcome.Disposition, Counter> frames =
      new EnumMap<>(SessionOutcome.Disposition.class);
  private final Counter faces;
  private final Counter streamsEnded;
  private final Counter started;
  private final Counter observations;
  private final Counter shotChanges;
  private final Timer recordTime;

  TrackerMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (SessionOutcome.Disposition d : SessionOutcome.Disposition.values()) {
      frames.put(
          d,
          Counter.builder("facetrail.tracker.frames")
              .description("Faces records of frames, by what the tracker did with them")
              .tag("disposition", d.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    faces =
        Counter.builder("facetrail.tracker.faces")
            .description("Faces received in processed frames")
            .register(registry);
    streamsEnded =
        Counter.builder("facetrail.tracker.streams.ended")
            .description("End-of-stream records processed")
            .register(registry);
    started =
        Counter.builder("facetrail.tracker.tracks.started")
            .description("Tracks confirmed and published")
            .register(registry);
    observations =
        Counter.builder("facetrail.tracker.observations")
            .description("Track observations published")
            .register(registry);
    shotChanges =
        Counter.builder("facetrail.tracker.shot.changes")
            .description("Frames that began a new shot (every open track of the stream ended)")
            .register(registry);
    for (TrackEndCause cause : TrackEndCause.values()) {
      if (cause != TrackEndCause.UNRECOGNIZED
          && cause != TrackEndCause.TRACK_END_CAUSE_UNSPECIFIED) {
        ended(cause);
      }
    }
    recordTime =
        Timer.builder("facetrail.tracker.record.duration")
            .description("Time to process one faces record, state load and store included")
            .register(registry);
  }

  Timer recordTime() {
    return recordTime;
  }

  void frame(SessionOutcome.Disposition disposition, int faceCount) {
    frames.get(disposition).increment();
    if (disposition != SessionOutcome.Disposition.IGNORED_OUT_OF_ORDER) {
      faces.increment(faceCount);
    }
  }

  void shotChanged() {
    shotChanges.increment();
  }

  void streamEnded() {
    streamsEnded.increment();
  }

  /** The count of one end cause; every cause's is registered at 0 when the topology is built. */
  private Counter ended(TrackEndCause cause) {
    return Counter.builder("facetrail.tracker.tracks.ended")
        .description("Tracks ended, by cause")
        .tag("cause", cause.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  void published(TrackEvent event) {
    switch (event.getBodyCase()) {
      case STARTED -> started.increment();
      case OBSERVATION -> observations.increment();
      case ENDED -> ended(event.getEnded().getCause()).increment();
      default -> {
        // BODY_NOT_SET is never built by the session.
      }
    }
  }
}
