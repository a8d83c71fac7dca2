package io.facetrail.ingest.engine;

import com.google.protobuf.UnsafeByteOperations;
import io.facetrail.contracts.proto.EndOfStream;
import io.facetrail.contracts.proto.Frame;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.proto.ImageEncoding;
import io.facetrail.contracts.proto.Shot;
import io.facetrail.contracts.proto.ShotChange;
import io.facetrail.contracts.proto.ShotChangeKind;
import io.facetrail.ingest.media.EncodedImage;
import io.facetrail.ingest.media.JpegEncoder;
import io.facetrail.shots.ShotBoundary;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream's publisher thread: takes encoded frames from the queue, publishes them keyed by stream
 * id, and after the last one publishes the end-of-stream record and waits for Kafka to acknowledge
 * it. All records of a stream share a partition, so that acknowledgement covers every frame before
 * it.
 */
final class FramePublisher implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(FramePublisher.class);

  /** While stopping, how long to keep retrying a Kafka that accepts nothing. */
  private static final long GIVE_UP_WHEN_STOPPING_MS = 30_000;

  private final StreamContext stream;
  private final Producer<String, FrameRecord> producer;
  private final String topic;
  private final StreamMeters meters;
  private long sent;
  private long lastSequence = -1;
  private long lastMediaTimeUs;

  FramePublisher(
      StreamContext stream,
      Producer<String, FrameRecord> producer,
      String topic,
      StreamMeters meters) {
    this.stream = stream;
    this.producer = producer;
    this.topic = topic;
    this.meters = meters;
  }

  @Override
  public void run() {
    StreamOutcome outcome;
    try (JpegEncoder encoder = new JpegEncoder(stream.spec.jpegQuality(), stream.spec.maxSide())) {
      publishFrames(encoder);
      outcome = endOfStream(stream.decoderOutcome());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = failed("interrupted while publishing");
    } catch (RuntimeException e) {
      log.error("Stream '{}': publishing failed", stream.id, e);
      // Stops the decoder too: it must not wait for room in a queue nobody drains any more.
      stream.failPublishing("publishing failed: " + e);
      outcome = failed("publishing failed: " + e);
    }
    stream.state(StreamState.ENDED, outcome.detail());
    StreamOutcome done = outcome;
    stream.notifyListener(l -> l.ended(done));
    stream.completion.complete(done);
  }

  private void publishFrames(JpegEncoder encoder) throws InterruptedException {
    while (true) {
      PendingFrame f = stream.queue.poll(200);
      if (f == null) {
        if (stream.queue.isDrained()) {
          return;
        }
        continue;
      }
      EncodedImage image;
      try {
        if (stream.publishFailure() != null) {
          continue;
        }
        image = encoder.encode(f.picture());
      } finally {
        f.release();
      }
      send(frameRecord(f, image), true);
    }
  }

  private StreamOutcome endOfStream(StreamOutcome decoder) throws InterruptedException {
    StreamOutcome verdict =
        stream.publishFailure() != null ? failed(stream.publishFailure()) : decoder;
    if (stream.publishFailure() == null) {
      EndOfStream eos =
          EndOfStream.newBuilder()
              .setStreamId(stream.id)
              .setLastSequence(lastSequence)
              .setFramesPublished(sent)
              .setReason(verdict.reason().toProto())
              .setDetail(verdict.detail() == null ? "" : verdict.detail())
              .setEndTimeMs(System.currentTimeMillis())
              .setLastMediaTimeUs(lastMediaTimeUs)
              .putAllLabels(stream.spec.labels())
              .build();
      Future<RecordMetadata> ack =
          send(FrameRecord.newBuilder().setEndOfStream(eos).build(), false);
      if (ack != null) {
        try {
          ack.get();
        } catch (ExecutionException e) {
          stream.failPublishing(kafkaFailure(e.getCause()));
        }
      }
      if (stream.publishFailure() != null) {
        verdict = failed(stream.publishFailure());
      }
    }
    return new StreamOutcome(
        stream.id, verdict.reason(), verdict.detail(), verdict.failure(), stream.counts());
  }

  private FrameRecord frameRecord(PendingFrame f, EncodedImage image) {
    Frame.Builder b =
        Frame.newBuilder()
            .setStreamId(stream.id)
            .setSequence(f.sequence)
            .setMediaTimeUs(f.mediaTimeUs)
            .setCaptureTimeMs(f.captureTimeMs)
            .setWidth(image.width())
            .setHeight(image.height())
            .setEncoding(ImageEncoding.JPEG)
            // The JPEG array is never touched again: wrapping it saves a copy per frame.
            .setImage(UnsafeByteOperations.unsafeWrap(image.jpeg()))
            .setKeyFrame(f.keyFrame)
            .setShot(shot(f))
            .putAllLabels(stream.spec.labels());
    lastSequence = f.sequence;
    lastMediaTimeUs = f.mediaTimeUs;
    return FrameRecord.newBuilder().setFrame(b).build();
  }

  private static Shot shot(PendingFrame f) {
    Shot.Builder shot = Shot.newBuilder().setNumber(f.shotNumber());
    ShotBoundary change = f.shotChange();
    if (change != null) {
      shot.setChange(
          ShotChange.newBuilder()
              .setKind(
                  change.kind() == ShotBoundary.Kind.CUT
                      ? ShotChangeKind.CUT
                      : ShotChangeKind.GRADUAL)
              .setScore((float) Math.min(1, Math.max(0, change.score())))
              .setMediaTimeUs(change.timeUs()));
    }
    return shot.build();
  }

  /** Sends one record, retrying while Kafka accepts nothing (back pressure, not an error). */
  private Future<RecordMetadata> send(FrameRecord record, boolean isFrame)
      throws InterruptedException {
    ProducerRecord<String, FrameRecord> r = new ProducerRecord<>(topic, stream.id, record);
    long firstTry = System.currentTimeMillis();
    long lastWarning = 0;
    while (true) {
      try {
        Future<RecordMetadata> f =
            producer.send(
                r,
                (metadata, e) -> {
                  if (e != null) {
                    meters.publishFailure();
                    stream.failPublishing(kafkaFailure(e));
                  } else if (isFrame) {
                    stream.published.incrementAndGet();
                  }
                });
        if (isFrame) {
          sent++;
        }
        return f;
      } catch (TimeoutException e) {
        long now = System.currentTimeMillis();
        if (stream.stopRequested() && now - firstTry > GIVE_UP_WHEN_STOPPING_MS) {
          stream.failPublishing(kafkaFailure(e));
          return null;
        }
        if (now - lastWarning > 60_000) {
          log.warn(
              "Stream '{}': Kafka accepts no records ({}); retrying", stream.id, e.getMessage());
          lastWarning = now;
        }
        Thread.sleep(500);
      } catch (RuntimeException e) {
        meters.publishFailure();
        stream.failPublishing(kafkaFailure(e));
        return null;
      }
    }
  }

  private String kafkaFailure(Throwable e) {
    return "cannot publish to Kafka topic " + topic + ": " + e.getMessage();
  }

  private StreamOutcome failed(String why) {
    return new StreamOutcome(stream.id, EndReason.FAILED, why, null, null);
  }
}
