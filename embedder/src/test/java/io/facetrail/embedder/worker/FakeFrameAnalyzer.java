package io.facetrail.embedder.worker;

import io.facetrail.contracts.proto.Frame;
import io.facetrail.embedder.analyze.AnalyzedBatch;
import io.facetrail.embedder.analyze.FrameAnalyzer;
import io.facetrail.embedder.analyze.FrameOutcome;
import io.facetrail.embedder.analyze.ModelFailureException;
import io.facetrail.faces.pipeline.StageTimings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake analyzer for the worker's own tests: finds no faces, calls frames whose image starts with
 * 0x00 undecodable, and fails the next {@code failures} calls on demand.
 */
final class FakeFrameAnalyzer implements FrameAnalyzer {
  final AtomicInteger failNext = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();
  final List<Integer> batchSizes = new ArrayList<>();
  volatile boolean closed;
  volatile boolean warmed;

  @Override
  public AnalyzedBatch analyze(List<Frame> frames) {
    calls.incrementAndGet();
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ModelFailureException("injected failure", null);
    }
    synchronized (batchSizes) {
      batchSizes.add(frames.size());
    }
    List<FrameOutcome> out = new ArrayList<>();
    for (Frame f : frames) {
      out.add(
          f.getImage().byteAt(0) == 0
              ? new FrameOutcome.Undecodable("not an image")
              : new FrameOutcome.Analyzed(List.of()));
    }
    return new AnalyzedBatch(out, StageTimings.ZERO);
  }

  @Override
  public void warmUp() {
    warmed = true;
  }

  @Override
  public String modelId() {
    return "fake";
  }

  @Override
  public void close() {
    closed = true;
  }
}
