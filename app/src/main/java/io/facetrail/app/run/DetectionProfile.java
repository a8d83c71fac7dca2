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
   * to 32 px are found in 1080p frames (nine detector passes per 1080p frame): right for archives
   * and for GPUs, several times too slow for a 1080p camera at 5 fps on two CPU cores.
   */
  ACCURATE(Map.of()),

  /**
   * One pass of the SSD detector over the whole frame (no tiles). Small faces in large frames are
   * lost (a 1080p frame is shrunk to the detector's 512 px), but on the real test clip (21 frames
   * at 5 fps) it made 119 detections and 7 tracks where the tiled scan made 168 and 9, with 1/9 of
   * the detector passes (measured at score 0.3, since 2026-12-07 every profile's threshold).
   */
  FAST(Map.of("faces.tiling", "false"));

  private final Map<String, String> faces;

  DetectionProfile(Map<String, String> faces) {
    this.faces = faces;
  }

  /** Embedder configuration settings (dotted paths) of this profile. */
  public Map<String, String> settings() {
    return faces;
  }
}
