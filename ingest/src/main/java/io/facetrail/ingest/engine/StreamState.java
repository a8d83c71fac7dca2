package io.facetrail.ingest.engine;

/** Where a stream is in its life. */
public enum StreamState {
  /** Opening the input for the first time. */
  CONNECTING,
  /** Decoding and publishing. */
  RUNNING,
  /** A live source lost its connection and waits to retry. */
  RECONNECTING,
  /** Finished; the outcome says why. */
  ENDED
}
