package io.facetrail.ingest.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The one native interrupt callback every input shares; FFmpeg passes it the input's {@code opaque}
 * token, which names the {@link InterruptGuard} to ask.
 *
 * <p>Why not one callback object per input: JavaCPP backs each callback class with a fixed table of
 * 10 native function pointers, and a slot is freed only when its Java object is garbage collected.
 * Once 10 guards were alive (an image folder opens one input per image, every reconnect opens
 * another), the next input silently got a NULL callback: FFmpeg then never polled it, so a frozen
 * RTSP camera blocked the decode thread in a socket read with no stall reported, and shutdown
 * waited on it for ever. One instance, held for the life of the JVM, uses one slot.
 */
final class InterruptDispatch extends AVIOInterruptCB.Callback_Pointer {
  private static final Map<Long, InterruptGuard> GUARDS = new ConcurrentHashMap<>();
  private static final InterruptDispatch INSTANCE = create();

  private InterruptDispatch() {
    super();
  }

  private static InterruptDispatch create() {
    InterruptDispatch dispatch = new InterruptDispatch();
    AVIOInterruptCB probe = new AVIOInterruptCB();
    try {
      probe.callback(dispatch);
      if (nativeCallback(probe) == 0) {
        throw new IllegalStateException(
            "JavaCPP has no free native slot for FFmpeg's interrupt callback (10 per JVM are in"
                + " use): network inputs could neither time out nor be stopped");
      }
    } finally {
      probe.close();
    }
    return dispatch;
  }

  /** The function pointer an {@link AVIOInterruptCB} holds (0 when JavaCPP had no slot). */
  static long nativeCallback(AVIOInterruptCB cb) {
    // The struct starts with the callback pointer; JavaCPP's getter would wrap even a NULL one.
    return new LongPointer(cb).get(0);
  }

  /** Points {@code cb} at the shared callback with {@code guard}'s token. */
  static void install(AVIOInterruptCB cb, InterruptGuard guard, Pointer token) {
    GUARDS.put(token.address(), guard);
    cb.callback(INSTANCE);
    cb.opaque(token);
  }

  /** Forgets a guard whose input is closed. */
  static void remove(Pointer token) {
    GUARDS.remove(token.address());
  }

  /** The shared callback (tests call it as FFmpeg would). */
  static InterruptDispatch instance() {
    return INSTANCE;
  }

  /** How many guards are registered (tests: closed inputs must not leak). */
  static int registered() {
    return GUARDS.size();
  }

  @Override
  public int call(Pointer opaque) {
    InterruptGuard guard = opaque == null ? null : GUARDS.get(opaque.address());
    // An unknown token belongs to no open input: interrupting is the safe answer.
    return guard == null ? 1 : guard.poll();
  }
}
