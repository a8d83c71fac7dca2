package io.facetrail.ingest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.ingest.sampling.SamplingPolicy;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.ingest.testing.GatedFakeProducer;
import io.facetrail.ingest.testing.GeneratedVideo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens when publishing falls behind decoding: live sources drop, files wait. */
class BackPressureTest {
  @TempDir static Path dir;
  private static Path video;

  @BeforeAll
  static void video() throws Exception {
    video = GeneratedVideo.write(dir.resolve("clip.mp4"), "mp4", 40, 25, 160, 120, 10);
  }

  private static SourceSpec.Builder spec(String id) {
    return SourceSpec.builder(video.toString())
        .optStreamId(id)
        .optSampling(SamplingPolicy.everyFrame())
        .optQueueCapacity(3);
  }

  @Test
  void liveSourceDropsTheOldestFramesAndCountsEveryDrop() throws Exception {
    GatedFakeProducer producer = new GatedFakeProducer();
    try (IngestEngine engine = IngestEngine.builder().setProducer(producer, "frames").build()) {
      // A file read as live loops like a camera and must never wait for the publisher.
      StreamHandle live = engine.start(spec("live").optLive(true).build());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> live.status().counts().framesDropped() >= 20);
      producer.open();
      live.stop();
      StreamOutcome outcome = live.completion().get(30, TimeUnit.SECONDS);

      StreamCounts c = outcome.counts();
      assertThat(outcome.reason()).isEqualTo(EndReason.STOPPED);
      assertThat(c.framesDropped()).isGreaterThanOrEqualTo(20);
      assertThat(c.framesPublished() + c.framesDropped()).isLessThanOrEqualTo(c.framesSelected());
      long frames = producer.history().stream().filter(r -> r.value().hasFrame()).count();
      assertThat(frames).isEqualTo(c.framesPublished());
      FrameRecord last = producer.history().get(producer.history().size() - 1).value();
      assertThat(last.getEndOfStream().getFramesPublished()).isEqualTo(c.framesPublished());
    }
  }

  @Test
  void fileSourceWaitsAndPublishesEverySelectedFrame() throws Exception {
    GatedFakeProducer producer = new GatedFakeProducer();
    try (IngestEngine engine = IngestEngine.builder().setProducer(producer, "frames").build()) {
      StreamHandle file = engine.start(spec("file").build());
      Thread.sleep(1500);
      StreamCounts held = file.status().counts();
      assertThat(held.framesSelected()).isLessThan(40); // the decoder waits for room
      assertThat(held.framesDropped()).isZero();
      producer.open();
      StreamOutcome outcome = file.completion().get(30, TimeUnit.SECONDS);

      assertThat(outcome.reason()).isEqualTo(EndReason.COMPLETED);
      assertThat(outcome.counts().framesPublished()).isEqualTo(40);
      assertThat(outcome.counts().framesDropped()).isZero();
    }
  }
}
