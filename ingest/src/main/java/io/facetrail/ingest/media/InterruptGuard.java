package io.facetrail.ingest.media;

import java.time.Duration;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.BytePointer;

/**
 * The interrupt state of one input. FFmpeg polls it (through {@link InterruptDispatch}) while it
 * blocks on I/O, so it both stops a source promptly (shutdown) and detects a stall: a deadline that
 * the reader pushes forward with every frame. Close it after the input's format context.
 */
final class InterruptGuard implements AutoCloseable {
  /** The input's {@code opaque}: a byte of native memory, so that its address is unique. */
  private final BytePointer token = new BytePointer(1);

  private volatile boolean stopped;
  private volatile boolean tripped;
  private volatile boolean armed;
  private volatile long deadlineNanos;

  /** Makes FFmpeg poll this guard for the input whose interrupt callback is {@code cb}. */
  void install(AVIOInterruptCB cb) {
    InterruptDispatch.install(cb, this, token);
  }

  /** Interrupts blocking I/O once {@code timeout} passes without another call to this method. */
  void arm(Duration timeout) {
    deadlineNanos = System.nanoTime() + timeout.toNanos();
    armed = true;
  }

  /** No deadline (local files: reading them cannot stall in a way a timeout would fix). */
  void disarm() {
    armed = false;
  }

  /** Aborts the input's blocking calls now and from now on. */
  void stop() {
    stopped = true;
  }

  boolean stopped() {
    return stopped;
  }

  /**
   * Whether the deadline has ever interrupted I/O. FFmpeg reports an interrupted read late (the
   * error sticks to the input and surfaces on a later read, after frames already buffered), when
   * the deadline may have been pushed forward again: this flag remembers the cause. It also keeps
   * interrupting: frames that surface from FFmpeg's buffers after the deadline would otherwise push
   * it forward and let the next read block for a whole further timeout on a dead connection (a
   * frozen RTSP camera was reported after twice its stall timeout).
   */
  boolean tripped() {
    return tripped;
  }

  boolean expired() {
    return armed && System.nanoTime() - deadlineNanos > 0;
  }

  /** FFmpeg's question, asked while it blocks: 1 to abort the I/O, 0 to go on waiting. */
  int poll() {
    if (stopped || tripped) {
      return 1;
    }
    if (expired()) {
      tripped = true;
      return 1;
    }
    return 0;
  }

  /** Stops answering for the input; call once FFmpeg has closed it. */
  @Override
  public void close() {
    stopped = true;
    InterruptDispatch.remove(token);
    token.close();
  }
}
