package io.facetrail.faces.eval;

/**
 * How the face of an evaluation photo was found. LFW's photos each show their subject in the
 * centre, so when the detector finds nothing a documented fallback still yields an embedding, and
 * each fallback is counted in the report.
 */
enum FaceSource {
  /** The configured detector found it (the most central detection). */
  DETECTED,
  /** Found only on a retry with a lower score threshold (0.1) and a wider canvas (0.5). */
  RETRY,
  /** Nothing detected: landmarks were run on a fixed central box. */
  CENTRE_BOX
}
