package io.facetrail.faces.pipeline;

import io.facetrail.faces.align.AlignmentMethod;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.runtime.config.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.List;

/**
 * Mutable copy of {@link FacePipelineSettings}: one place that lists every component, for the
 * settings' withers and for callers changing several at once.
 */
public final class FacePipelineSettingsBuilder {
  private Path modelsDir;
  private DeviceSetting device;
  private DetectorKind detector;
  private double minScore;
  private int minFaceSize;
  private double canvasPadding;
  private boolean tiling;
  private AlignmentMethod alignment;
  private boolean flip;
  private int jitter;
  private int detectBatch;
  private int faceBatch;
  private int threads;
  private LandmarkModel landmarks;
  private int detectorInputSize;
  private Path embeddingModel;
  private long maxImagePixels;
  private int tilesPerFrame;

  FacePipelineSettingsBuilder(FacePipelineSettings s) {
    modelsDir = s.modelsDir();
    device = s.device();
    detector = s.detector();
    minScore = s.minScore();
    minFaceSize = s.minFaceSize();
    canvasPadding = s.canvasPadding();
    tiling = s.tiling();
    alignment = s.alignment();
    flip = s.flip();
    jitter = s.jitter();
    detectBatch = s.detectBatch();
    faceBatch = s.faceBatch();
    threads = s.threads();
    landmarks = s.landmarks();
    detectorInputSize = s.detectorInputSize();
    embeddingModel = s.embeddingModel();
    maxImagePixels = s.maxImagePixels();
    tilesPerFrame = s.tilesPerFrame();
  }

  public FacePipelineSettingsBuilder tilesPerFrame(int v) {
    tilesPerFrame = v;
    return this;
  }

  public FacePipelineSettingsBuilder maxImagePixels(long v) {
    maxImagePixels = v;
    return this;
  }

  public FacePipelineSettingsBuilder embeddingModel(Path v) {
    embeddingModel = v;
    return this;
  }

  public FacePipelineSettingsBuilder modelsDir(Path v) {
    modelsDir = v;
    return this;
  }

  public FacePipelineSettingsBuilder device(DeviceSetting v) {
    device = v;
    return this;
  }

  /**
   * The device a command-line option names ({@code cpu}, {@code gpu}, {@code gpu:N}, {@code auto}).
   *
   * @throws InvalidConfigurationException naming the accepted forms, as {@link
   *     FacePipelineSettings#validated()} reports the other settings
   */
  public FacePipelineSettingsBuilder device(String text) {
    try {
      return device(DeviceSetting.parse(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          FacePipelineSettings.SOURCE, List.of("device: " + e.getMessage()));
    }
  }

  public FacePipelineSettingsBuilder detector(DetectorKind v) {
    detector = v;
    return this;
  }

  public FacePipelineSettingsBuilder minScore(double v) {
    minScore = v;
    return this;
  }

  public FacePipelineSettingsBuilder minFaceSize(int v) {
    minFaceSize = v;
    return this;
  }

  public FacePipelineSettingsBuilder canvasPadding(double v) {
    canvasPadding = v;
    return this;
  }

  public FacePipelineSettingsBuilder tiling(boolean v) {
    tiling = v;
    return this;
  }

  public FacePipelineSettingsBuilder alignment(AlignmentMethod v) {
    alignment = v;
    return this;
  }

  public FacePipelineSettingsBuilder flip(boolean v) {
    flip = v;
    return this;
  }

  public FacePipelineSettingsBuilder jitter(int v) {
    jitter = v;
    return this;
  }

  public FacePipelineSettingsBuilder detectBatch(int v) {
    detectBatch = v;
    return this;
  }

  public FacePipelineSettingsBuilder faceBatch(int v) {
    faceBatch = v;
    return this;
  }

  public FacePipelineSettingsBuilder threads(int v) {
    threads = v;
    return this;
  }

  public FacePipelineSettingsBuilder landmarks(LandmarkModel v) {
    landmarks = v;
    return this;
  }

  public FacePipelineSettingsBuilder detectorInputSize(int v) {
    detectorInputSize = v;
    return this;
  }

  public FacePipelineSettings build() {
    return new FacePipelineSettings(
        modelsDir,
        device,
        detector,
        minScore,
        minFaceSize,
        canvasPadding,
        tiling,
        alignment,
        flip,
        jitter,
        detectBatch,
        faceBatch,
        threads,
        landmarks,
        detectorInputSize,
        embeddingModel,
        maxImagePixels,
        tilesPerFrame);
  }
}
