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
  private final AtomicLong packets = new AtomicLong();
  private final AtomicLong skippablePackets = new AtomicLong();
  private final AtomicLong skippableDecoded = new AtomicLong();

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

  /** Video packets sent to the decoder. */
  public long packets() {
    return packets.get();
  }

  /**
   * Frames left undecoded on purpose: non-reference frames the sampling policy did not need
   * (packets the decoder was allowed to skip, minus those it decoded because they were reference
   * frames). Exact once the input has ended; while decoding, frames still inside the decoder count.
   */
  public long framesSkipped() {
    return Math.max(0, skippablePackets.get() - skippableDecoded.get());
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

  void packet(boolean skippable) {
    packets.incrementAndGet();
    if (skippable) {
      skippablePackets.incrementAndGet();
    }
  }

  void skippableDecoded() {
    skippableDecoded.incrementAndGet();
  }

  void readError() {
    readErrors.incrementAndGet();
  }
}
