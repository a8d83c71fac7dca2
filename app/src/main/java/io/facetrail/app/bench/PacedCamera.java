package io.facetrail.app.bench;

import io.facetrail.contracts.proto.EndOfStream;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A live camera made of a looped clip: publishes the clip's sampled frames to the frames topic at
 * their real pace (frame {@code i} at start + i / fps), stamped with the wall-clock moment of
 * publication as their capture time, then an end-of-stream marker. Frames are JPEGs prepared before
 * the clock starts, so the camera itself costs almost no CPU; what it leaves out of the pipeline is
 * the decoding of the camera's own stream (measured by the throughput phase).
 */
final class PacedCamera {
  private PacedCamera() {}

  /**
   * Publishes {@code frames} frames of {@code clip} as stream {@code streamId}, in real time.
   *
   * @return the worst lateness of a frame against its schedule, milliseconds
   */
  static long publish(
      KafkaSettings kafka, TopicRegistry topics, String streamId, ClipFrames clip, int frames) {
    long worstLateMs = 0;
    try (KafkaProducer<String, FrameRecord> producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka, "bench-camera"),
            new StringSerializer(),
            topics.frames().valueSerde().serializer())) {
      long start = System.nanoTime();
      long intervalNs = Math.round(1e9 / clip.sampledFps());
      long mediaUs = 0;
      for (int i = 0; i < frames; i++) {
        long due = start + i * intervalNs;
        LockSupport.parkNanos(due - System.nanoTime());
        worstLateMs = Math.max(worstLateMs, (System.nanoTime() - due) / 1_000_000);
        mediaUs = clip.mediaTimeUs(i);
        producer.send(
            new ProducerRecord<>(
                topics.frames().name(),
                streamId,
                clip.record(streamId, i, System.currentTimeMillis())));
        // A camera sends each frame as it comes: no batching of frames in the producer.
        producer.flush();
      }
      EndOfStream end =
          EndOfStream.newBuilder()
              .setStreamId(streamId)
              .setLastSequence(frames - 1)
              .setFramesPublished(frames)
              .setReason(io.facetrail.contracts.proto.EndReason.COMPLETED)
              .setEndTimeMs(System.currentTimeMillis())
              .setLastMediaTimeUs(mediaUs)
              .build();
      producer.send(
          new ProducerRecord<>(
              topics.frames().name(),
              streamId,
              FrameRecord.newBuilder().setEndOfStream(end).build()));
      producer.flush();
    }
    return worstLateMs;
  }
}
