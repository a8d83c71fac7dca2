package io.facetrail.trainer.chips;

/**
 * How a photo's face was found. LFW photos show their subject in the centre, so when detection
 * fails a documented fallback still yields a chip; training and evaluation count each kind.
 */
public enum ChipSource {
  /** The configured detector found it (the most central detection). */
  DETECTED,
  /** Found on a retry with a low score threshold (0.1) on a wider canvas (0.5 per side). */
  RETRY,
  /** Nothing detected: landmarks were placed on a fixed central box. */
  CENTRE_BOX
}
