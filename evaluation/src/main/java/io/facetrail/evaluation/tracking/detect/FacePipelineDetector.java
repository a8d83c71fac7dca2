package io.facetrail.evaluation.tracking.detect;

import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.pipeline.AnalysedFace;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.tracker.box.BoundingBox;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The face library's full pipeline (detector, landmarks, alignment, embedding, quantised code), the
 * same models the embedder runs on every frame.
 */
public final class FacePipelineDetector implements FrameFaceDetector {
  private final FacePipeline pipeline;

  private FacePipelineDetector(FacePipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** Loads the models (fetching them into the model cache on first use). */
  public static FacePipelineDetector open(FacePipelineSettings settings) {
    return new FacePipelineDetector(FacePipeline.create(settings));
  }

  @Override
  public List<DetectedFace> detect(BufferedImage frame) {
    List<DetectedFace> out = new ArrayList<>();
    for (AnalysedFace f : pipeline.analyse(rgb(frame)).faces()) {
      FaceBox b = f.box();
      if (!(b.width() > 0 && b.height() > 0)) {
        continue; // a degenerate box cannot be tracked; the pipeline should not produce one
      }
      out.add(
          new DetectedFace(
              new BoundingBox(b.x(), b.y(), b.width(), b.height()),
              f.detectionScore(),
              f.quality(),
              f.code(),
              f.measures()));
    }
    return out;
  }

  @Override
  public String description() {
    FacePipelineSettings s = pipeline.settings();
    return pipeline.modelId()
        + " detector="
        + s.detector()
        + " minScore="
        + s.minScore()
        + " detectorInputSize="
        + s.detectorInputSize()
        + " minFaceSize="
        + s.minFaceSize()
        + " tiling="
        + s.tiling()
        // Part of the cache key: detections merged differently are other detections.
        + " mergeIou="
        + io.facetrail.faces.detect.ScanningDetector.MERGE_IOU
        + "/"
        + io.facetrail.faces.detect.ScanningDetector.CROSS_PASS_MERGE_IOU
        + " canvasPadding="
        + s.canvasPadding()
        + " alignment="
        + s.alignment()
        + " flip="
        + s.flip()
        + " device="
        + pipeline.device();
  }

  /** Packs a Java2D image as the RGB bytes the face library takes. */
  static RgbImage rgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < argb.length; i++) {
      rgb[3 * i] = (byte) (argb[i] >> 16);
      rgb[3 * i + 1] = (byte) (argb[i] >> 8);
      rgb[3 * i + 2] = (byte) argb[i];
    }
    return new RgbImage(w, h, rgb);
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
