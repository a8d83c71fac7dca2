package io.facetrail.faces.detect;

/**
 * How the subject of a single-subject photo (LFW) was found. Such photos show their subject in the
 * centre, so when detection fails a documented fallback still yields a face; evaluation and
 * training count each kind. The order is stored in caches: append only.
 */
public enum SubjectSource {
  /** The configured detector found it (the most central detection near the centre). */
  DETECTED,
  /** Found only on a retry with a low score threshold (0.1) on a wider canvas (0.5 per side). */
  RETRY,
  /** Nothing detected near the centre: landmarks were placed on a fixed central box. */
  CENTRE_BOX
}
