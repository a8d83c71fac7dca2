package io.facetrail.ingest.media;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What decoding one source has cost so far; shared by every connection of that source and read
 * concurrently by metrics and status.
 */
public final class DecodeStats {
  private final AtomicLong framesDecoded = new AtomicLong();
  private final AtomicLong framesDamaged = new AtomicLong();
  private final AtomicLong packetsRejected = new AtomicLong();
  private final AtomicLong readErrors = new AtomicLong();

  /** Frames the decoder produced, damaged ones included. */
  public long framesDecoded() {
    return framesDecoded.get();
  }

  /** Frames the decoder produced but flagged as damaged (concealed errors); never published. */
  public long framesDamaged() {
    return framesDamaged.get();
  }

  /** Packets the decoder refused as invalid: each is a frame that never came out. */
  public long packetsRejected() {
    return packetsRejected.get();
  }

  /** Container reads that failed in the middle of a file and were skipped. */
  public long readErrors() {
    return readErrors.get();
  }

  /** Every frame lost to corrupt data: damaged frames plus rejected packets. */
  public long framesLostToCorruption() {
    return framesDamaged.get() + packetsRejected.get();
  }

  void decoded() {
    framesDecoded.incrementAndGet();
  }

  void damaged() {
    framesDamaged.incrementAndGet();
  }

  void rejected() {
    packetsRejected.incrementAndGet();
  }

  void readError() {
    readErrors.incrementAndGet();
  }
}
