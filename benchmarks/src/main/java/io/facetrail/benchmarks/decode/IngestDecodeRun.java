package io.facetrail.benchmarks.decode;

import io.facetrail.ingest.engine.EndReason;
import io.facetrail.ingest.engine.IngestEngine;
import io.facetrail.ingest.engine.StreamCounts;
import io.facetrail.ingest.engine.StreamHandle;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.ingest.sampling.SamplingPolicy;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * FaceTrail's ingest over the same file: decode, sample, JPEG-encode and publish to Kafka, timed
 * from the first frame past the warm-up to Kafka's acknowledgement of the end-of-stream record.
 */
final class IngestDecodeRun {
  private static final long POLL_MILLIS = 10;

  private IngestDecodeRun() {}

  static RunResult run(
      KafkaSettings kafka,
      Path file,
      String streamId,
      int threads,
      double warmupSeconds,
      double sourceFps,
      SamplingPolicy sampling,
      int jpegQuality,
      int maxSide,
      boolean skipUnusedFrames)
      throws InterruptedException {
    long warmupFrames = Math.round(warmupSeconds * sourceFps);
    SourceSpec spec =
        SourceSpec.builder(file.toString())
            .optStreamId(streamId)
            .optDecoderThreads(threads)
            .optSampling(sampling)
            .optJpegQuality(jpegQuality)
            .optMaxSide(maxSide)
            .optSkipUnusedFrames(skipUnusedFrames)
            .build();
    try (IngestEngine engine = IngestEngine.builder().setKafka(kafka).build()) {
      StreamHandle stream = engine.start(spec);
      StreamCounts atMark = null;
      long markNanos = 0;
      double markCpu = 0;
      while (!stream.completion().isDone()) {
        StreamCounts c = stream.status().counts();
        if (atMark == null && c.framesRead() >= warmupFrames) {
          markNanos = System.nanoTime();
          markCpu = RunResult.processCpuSeconds();
          atMark = c;
        }
        Thread.sleep(POLL_MILLIS);
      }
      long endNanos = System.nanoTime();
      double endCpu = RunResult.processCpuSeconds();
      StreamOutcome outcome = stream.completion().get();
      if (outcome.reason() != EndReason.COMPLETED) {
        throw new UserFacingException("ingest did not complete: " + outcome.detail());
      }
      if (atMark == null) {
        throw new UserFacingException("the file is shorter than the warm-up");
      }
      StreamCounts end = outcome.counts();
      return new RunResult(
          end.framesRead() - atMark.framesRead(),
          (endNanos - markNanos) / 1e9,
          end.framesPublished() - atMark.framesPublished(),
          endCpu - markCpu);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the completion future never fails", e);
    }
  }
}
