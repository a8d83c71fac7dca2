package io.facetrail.api.events;

import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.serde.MalformedRecordException;
import io.facetrail.contracts.serde.ProtoSerde;
import io.facetrail.contracts.serde.RecordSerdes;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader of the tracks topic: keeps each track's best face in the {@link ThumbnailStore} and
 * notes which cameras have tracks.
 */
public final class ThumbnailFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ThumbnailFeed.class);

  private final TopicFollower follower;

  public ThumbnailFeed(
      KafkaSettings kafka,
      Duration window,
      ThumbnailStore thumbnails,
      TrackActivity activity,
      EventMetrics metrics,
      Clock clock) {
    ProtoSerde<TrackEvent> serde = RecordSerdes.trackEvent();
    this.follower =
        new TopicFollower(
            "thumbnails",
            kafka,
            kafka.topics().tracks().name(),
            window,
            new TopicFollower.Handler() {
              @Override
              public void assigned(int partition, long startOffset) {
                // Thumbnails need no position: nothing resumes from them.
              }

              @Override
              public void record(ConsumerRecord<byte[], byte[]> r) {
                TrackEvent t;
                try {
                  t = serde.deserialize(r.topic(), r.value());
                } catch (MalformedRecordException e) {
                  log.warn(
                      "Skipping a malformed track event at {}-{}@{}",
                      r.topic(),
                      r.partition(),
                      r.offset());
                  return;
                }
                activity.seen(t.getStreamId(), r.timestamp());
                if (t.hasObservation() && !t.getObservation().getThumbnailJpeg().isEmpty()) {
                  metrics.thumbnailsSeen.increment();
                  thumbnails.observed(
                      t.getTrackId(),
                      t.getObservation().getThumbnailJpeg().toByteArray(),
                      t.getObservation().getQuality());
                } else if (t.hasEnded()
                    && t.getEnded().hasBestFace()
                    && !t.getEnded().getBestFace().getThumbnailJpeg().isEmpty()) {
                  metrics.thumbnailsSeen.increment();
                  thumbnails.ended(
                      t.getTrackId(),
                      t.getEnded().getBestFace().getThumbnailJpeg().toByteArray(),
                      t.getEnded().getBestFace().getQuality());
                }
              }

              @Override
              public void position(int partition, long nextOffset) {
                // As above.
              }
            },
            clock);
  }

  public void start() {
    follower.start();
  }

  public Health.Status status() {
    return follower.status();
  }

  @Override
  public void close() {
    follower.close();
  }
}
