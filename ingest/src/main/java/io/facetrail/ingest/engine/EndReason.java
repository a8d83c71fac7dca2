package io.facetrail.ingest.engine;

/** Why a stream ended. */
public enum EndReason {
  /** The input ended normally (end of file, every image of a folder read). */
  COMPLETED,
  /** The input failed for good; {@link StreamOutcome#detail()} says why. */
  FAILED,
  /** The stream was stopped ({@link StreamHandle#stop()}, engine shutdown). */
  STOPPED;

  io.facetrail.contracts.proto.EndReason toProto() {
    return switch (this) {
      case COMPLETED -> io.facetrail.contracts.proto.EndReason.COMPLETED;
      case FAILED -> io.facetrail.contracts.proto.EndReason.FAILED;
      case STOPPED -> io.facetrail.contracts.proto.EndReason.STOPPED;
    };
  }
}
