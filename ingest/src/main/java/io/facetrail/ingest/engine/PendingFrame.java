package io.facetrail.ingest.engine;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import io.facetrail.shots.ShotBoundary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A selected frame waiting to be encoded and published. It holds its own reference to the decoder's
 * picture buffers (no pixel copy), which {@link #release()} gives back; encoding happens on the
 * publisher thread so that the decoder thread goes straight on to the next packet.
 */
final class PendingFrame {
  final long sequence;
  final long mediaTimeUs;
  final long captureTimeMs;
  final boolean keyFrame;
  private AVFrame picture;
  private long shotNumber;
  private ShotBoundary shotChange;

  private PendingFrame(
      long sequence, long mediaTimeUs, long captureTimeMs, boolean keyFrame, AVFrame picture) {
    this.sequence = sequence;
    this.mediaTimeUs = mediaTimeUs;
    this.captureTimeMs = captureTimeMs;
    this.keyFrame = keyFrame;
    this.picture = picture;
  }

  /** Takes a new reference to {@code decoded}, which stays the decoder's. */
  static PendingFrame of(long sequence, long mediaTimeUs, boolean keyFrame, AVFrame decoded) {
    AVFrame ref = av_frame_clone(decoded);
    if (ref == null) {
      throw new IllegalStateException("FFmpeg cannot reference a decoded frame (out of memory?)");
    }
    return new PendingFrame(sequence, mediaTimeUs, System.currentTimeMillis(), keyFrame, ref);
  }

  /** Sets the frame's shot, once the shot detector has decided it. */
  void shot(long number, ShotBoundary change) {
    this.shotNumber = number;
    this.shotChange = change;
  }

  long shotNumber() {
    return shotNumber;
  }

  /** The boundary that began this frame's shot, on the shot's first published frame; else null. */
  ShotBoundary shotChange() {
    return shotChange;
  }

  AVFrame picture() {
    return picture;
  }

  /** Returns the picture's buffers to the decoder; idempotent. */
  void release() {
    if (picture != null) {
      av_frame_free(picture);
      picture = null;
    }
  }
}
