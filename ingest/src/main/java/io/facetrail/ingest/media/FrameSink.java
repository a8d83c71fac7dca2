package io.facetrail.ingest.media;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Receives the intact frames of a {@link VideoInput}, in presentation order. */
@FunctionalInterface
public interface FrameSink {
  /**
   * @param frame the decoded picture in the decoder's pixel format; valid only during this call
   * @param mediaTimeUs presentation time from the start of the input, microseconds
   * @param keyFrame whether the frame is a key frame
   * @throws InterruptedException when the consumer was interrupted while waiting for room
   */
  void accept(AVFrame frame, long mediaTimeUs, boolean keyFrame) throws InterruptedException;
}
