package io.facetrail.embedder.analyze;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.Face;
import io.facetrail.contracts.proto.Frame;
import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.image.ImageDecodeException;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.pipeline.AnalysedFace;
import io.facetrail.faces.pipeline.BatchAnalysis;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.ImageAnalysis;
import io.facetrail.faces.pipeline.StageTimings;
import io.facetrail.faces.sweep.FrameKey;
import io.facetrail.faces.sweep.TileSweeps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frame analyzer of the service: decodes each frame, runs the face pipeline on the batch and
 * turns every face into its contract form (box, landmarks, scores, code, optional float embedding
 * and thumbnail).
 */
public final class FacePipelineAnalyzer implements FrameAnalyzer {
  /** Output options for each face. */
  public record Options(boolean thumbnails, int thumbnailSize, boolean floatEmbeddings) {}

  private final FacePipeline pipeline;
  private final Options options;
  private final boolean ownsPipeline;

  /**
   * Each stream's tile sweep. The analyzer belongs to one worker thread, and a stream's frames
   * reach it in order (frames are keyed by stream id, so one stream stays in one partition, and a
   * loop submits its batches one at a time), which is what a sweep needs.
   */
  private final TileSweeps sweeps;

  /**
   * @param ownsPipeline whether {@link #close()} closes the pipeline (false when it is shared)
   */
  public FacePipelineAnalyzer(FacePipeline pipeline, Options options, boolean ownsPipeline) {
    this.pipeline = pipeline;
    this.options = options;
    this.ownsPipeline = ownsPipeline;
    this.sweeps = pipeline.newSweeps();
  }

  @Override
  public AnalyzedBatch analyze(List<Frame> frames) {
    long t0 = System.nanoTime();
    List<RgbImage> images = new ArrayList<>(frames.size());
    List<FrameKey> keys = new ArrayList<>(frames.size());
    String[] failures = new String[frames.size()];
    for (int i = 0; i < frames.size(); i++) {
      try {
        images.add(pipeline.decode(frames.get(i).getImage().toByteArray()));
        keys.add(keyOf(frames.get(i)));
      } catch (ImageDecodeException e) {
        failures[i] = e.getMessage();
      }
    }
    long decodeNanos = System.nanoTime() - t0;
    BatchAnalysis analysis;
    try {
      analysis =
          images.isEmpty()
              ? new BatchAnalysis(List.of(), StageTimings.ZERO)
              : pipeline.analyseFrames(images, keys, sweeps);
    } catch (RuntimeException e) {
      throw new ModelFailureException(
          "face pipeline failed on a batch of " + images.size() + " frames", e);
    }
    List<FrameOutcome> outcomes = new ArrayList<>(frames.size());
    int k = 0;
    for (String failure : failures) {
      if (failure != null) {
        outcomes.add(new FrameOutcome.Undecodable(failure));
      } else {
        RgbImage image = images.get(k);
        ImageAnalysis result = analysis.images().get(k++);
        List<Face> faces = new ArrayList<>(result.faces().size());
        for (AnalysedFace f : result.faces()) {
          faces.add(toContract(f, image));
        }
        outcomes.add(new FrameOutcome.Analyzed(faces));
      }
    }
    StageTimings t = analysis.timings();
    return new AnalyzedBatch(
        outcomes,
        new StageTimings(
            decodeNanos, t.detectNanos(), t.landmarkNanos(), t.alignNanos(), t.embedNanos()));
  }

  /**
   * A frame's place in its stream. An undecodable frame has none: the next frame of its stream then
   * follows a gap and starts the stream's sweep afresh.
   */
  static FrameKey keyOf(Frame frame) {
    return new FrameKey(
        frame.getStreamId(),
        frame.getSequence(),
        frame.hasShot() ? frame.getShot().getNumber() : FrameKey.NO_SHOT);
  }

  private Face toContract(AnalysedFace f, RgbImage image) {
    FaceBox b = f.box();
    Face.Builder face =
        Face.newBuilder()
            .setBox(
                Box.newBuilder().setX(b.x()).setY(b.y()).setWidth(b.width()).setHeight(b.height()))
            .setDetectionScore(clamp(f.detectionScore()))
            .setQuality(clamp(f.quality()))
            .setCode(ByteString.copyFrom(f.code()))
            .setMeasures(
                io.facetrail.contracts.proto.FaceMeasures.newBuilder()
                    .setHeightPx((float) f.measures().heightPx())
                    .setSharpness((float) f.measures().sharpness())
                    .setBrightness((float) f.measures().brightness())
                    .setYawDegrees((float) f.measures().yawDegrees()));
    for (float v : f.landmarks()) {
      face.addLandmarks(v);
    }
    if (options.floatEmbeddings()) {
      for (float v : f.embedding()) {
        face.addEmbedding(v);
      }
    }
    if (options.thumbnails()) {
      face.setThumbnailJpeg(ByteString.copyFrom(f.thumbnail(image, options.thumbnailSize())));
    }
    return face.build();
  }

  private static float clamp(float v) {
    return Math.max(0f, Math.min(1f, v));
  }

  @Override
  public void warmUp() {
    // A grey frame runs the detector; a fixed box on it runs landmarks and embedding, so every
    // network has been through its first (slow) call before the service reports ready.
    byte[] grey = new byte[640 * 480 * 3];
    Arrays.fill(grey, (byte) 128);
    RgbImage image = new RgbImage(640, 480, grey);
    pipeline.analyse(List.of(image));
    pipeline.describe(
        List.of(image), List.of(List.of(new Detection(new FaceBox(220, 140, 200, 200), 1f))));
  }

  @Override
  public String modelId() {
    return pipeline.modelId();
  }

  @Override
  public void close() {
    if (ownsPipeline) {
      pipeline.close();
    }
  }
}
