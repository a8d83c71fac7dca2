package io.facetrail.app.run;

import java.util.Map;

/**
 * How thoroughly the whole pipeline looks for faces: the face-model settings a run's {@code
 * --detection} option stands for. Settings given in FACETRAIL_FACES_* variables are replaced by the
 * profile's where both name the same setting; {@link #ACCURATE} names none.
 */
public enum DetectionProfile {
  /**
   * The embedder's defaults: the SSD detector over the whole frame plus tiles, so that faces down
   * to 32 px are found in 1080p frames. About 30 times too slow for a 1080p camera at 5 fps on two
   * CPU cores; right for archives and for GPUs.
   */
  ACCURATE(Map.of()),

  /**
   * One pass of the tiny detector over the whole frame with its longer side scaled to {@value
   * #FAST_INPUT} px (no square padding, no tiles): faces from about {@value #FAST_MIN_FACE} px in a
   * 1080p frame (the detector resolves about 24 px at its input), for live cameras on a CPU.
   */
  FAST(
      Map.of(
          "faces.detector",
          "TINY",
          "faces.detectorInputSize",
          Integer.toString(DetectionProfile.FAST_INPUT),
          "faces.tiling",
          "false",
          "faces.minFaceSize",
          Integer.toString(DetectionProfile.FAST_MIN_FACE)));

  static final int FAST_INPUT = 832;
  static final int FAST_MIN_FACE = 56;

  private final Map<String, String> faces;

  DetectionProfile(Map<String, String> faces) {
    this.faces = faces;
  }

  /** Embedder configuration settings (dotted paths) of this profile. */
  public Map<String, String> settings() {
    return faces;
  }
}
