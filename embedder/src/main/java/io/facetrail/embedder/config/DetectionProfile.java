package io.facetrail.embedder.config;

import java.util.Map;

/**
 * How thoroughly the embedder looks for faces: the face-model settings the {@code --detection}
 * option of {@code facetrail run}, {@code index}, {@code bench pipeline} and {@code embedder}
 * stands for. Settings given in FACETRAIL_FACES_* variables are replaced by the profile's where
 * both name the same setting; {@link #ACCURATE} names none.
 */
public enum DetectionProfile {
  /**
   * The embedder's defaults: the SSD detector over the whole frame on every frame, plus tiles so
   * that faces down to 32 px are found in 1080p frames; on a video stream the eight tiles of a
   * 1080p frame are spread over consecutive frames, two a frame, with windows kept on the small
   * faces already found ({@code faces.tilesPerFrame}, {@link io.facetrail.faces.sweep.TileSweeps}).
   * Right for archives and for GPUs; on two CPU cores 0.45 of real time for a 1080p camera at 5 fps
   * (EXHAUSTIVE 0.25; app/README.md, "Benchmark").
   */
  ACCURATE(Map.of()),

  /**
   * Every tile on every frame (nine detector passes per 1080p frame): ACCURATE as it was before
   * 2026-12-07, kept to compare the sweep against and for crowds of small faces, where the windows
   * on known faces would outnumber the tiles.
   */
  EXHAUSTIVE(Map.of("faces.tilesPerFrame", "0")),

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
