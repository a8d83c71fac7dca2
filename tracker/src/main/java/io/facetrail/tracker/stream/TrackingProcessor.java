package io.facetrail.tracker.stream;

import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.tracker.session.SessionOutcome;
import io.facetrail.tracker.session.StreamSession;
import io.facetrail.tracker.state.SessionCodec;
import io.facetrail.tracker.track.TrackingParameters;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds each faces record to its stream's session, loaded from and written back to the state store
 * on every record. Reading the store each time (instead of caching sessions in the processor) keeps
 * the store the only truth, so a task that is revived after an aborted transaction can never run on
 * a session the changelog does not hold.
 */
final class TrackingProcessor implements Processor<String, FacesRecord, String, TrackEvent> {
  private static final Logger log = LoggerFactory.getLogger(TrackingProcessor.class);

  private final TrackingParameters params;
  private final SessionCodec codec;
  private final TrackerMetrics metrics;
  private ProcessorContext<String, TrackEvent> context;
  private KeyValueStore<String, byte[]> sessions;
  private StoreBestFaces bestFaces;

  TrackingProcessor(TrackingParameters params, TrackerMetrics metrics) {
    this.params = params;
    this.codec = new SessionCodec(params);
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, TrackEvent> context) {
    this.context = context;
    this.sessions = context.getStateStore(TrackerTopology.SESSION_STORE);
    this.bestFaces = new StoreBestFaces(context.getStateStore(TrackerTopology.BEST_FACE_STORE));
  }

  @Override
  public void process(Record<String, FacesRecord> record) {
    metrics.recordTime().record(() -> handle(record));
  }

  private void handle(Record<String, FacesRecord> record) {
    FacesRecord value = record.value();
    String streamId =
        switch (value.getBodyCase()) {
          case FRAME_FACES -> value.getFrameFaces().getStreamId();
          case END_OF_STREAM -> value.getEndOfStream().getStreamId();
          case BODY_NOT_SET -> throw new IllegalArgumentException("faces record has no body");
        };
    if (!streamId.equals(record.key())) {
      // A wrong key would put the stream's records on several partitions and split its tracks.
      throw new IllegalArgumentException(
          "record key '" + record.key() + "' differs from its stream id '" + streamId + "'");
    }
    byte[] stored = sessions.get(streamId);
    StreamSession session =
        stored == null ? StreamSession.start(streamId, params) : codec.decode(stored);
    SessionOutcome outcome;
    if (value.hasFrameFaces()) {
      outcome = session.onFrame(value.getFrameFaces(), bestFaces);
      metrics.frame(outcome.disposition(), value.getFrameFaces().getFacesCount());
      if (outcome.shotChanged()) {
        metrics.shotChanged();
      }
      if (outcome.disposition() == SessionOutcome.Disposition.IGNORED_OUT_OF_ORDER) {
        log.warn(
            "Ignored frame {} of stream {}: frame {} was already processed",
            value.getFrameFaces().getSequence(),
            streamId,
            session.lastSequence());
        return;
      }
      if (outcome.disposition() == SessionOutcome.Disposition.RESTARTED) {
        log.warn("Stream {} restarted at frame 0 without an end-of-stream: new run", streamId);
      }
    } else {
      outcome = session.onEnd(value.getEndOfStream(), bestFaces);
      metrics.streamEnded();
    }
    sessions.put(streamId, codec.encode(session));
    for (TrackEvent event : outcome.events()) {
      context.forward(record.withKey(event.getTrackId()).withValue(event));
      metrics.published(event);
    }
  }
}
