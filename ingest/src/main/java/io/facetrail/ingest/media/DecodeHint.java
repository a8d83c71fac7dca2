package io.facetrail.ingest.media;

/** Tells a {@link VideoInput} which frames the consumer may need, before they are decoded. */
@FunctionalInterface
public interface DecodeHint {
  /**
   * @param mediaTimeUs presentation time of the packet about to be decoded, from the input's start
   * @return false when a frame at that time will certainly not be used
   */
  boolean mayNeed(long mediaTimeUs);
}
