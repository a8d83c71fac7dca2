package io.facetrail.ingest.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import io.facetrail.shots.FrameSignature;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Reduces a decoded frame to its shot signature: one {@code sws_scale} pass from the decoder's
 * planes straight to a 64x36 grey picture with area averaging (no RGB copy of the frame is made).
 * Not thread-safe: one per stream.
 */
public final class SignatureScaler implements AutoCloseable {
  private static final int W = FrameSignature.WIDTH;
  private static final int H = FrameSignature.HEIGHT;

  private final BytePointer grey = new BytePointer((long) W * H);
  private final PointerPointer<BytePointer> planes = new PointerPointer<>(grey, null, null, null);
  private final IntPointer strides = new IntPointer(W, 0, 0, 0);
  private final byte[] bytes = new byte[W * H];
  private final float[] luma = new float[W * H];
  private SwsContext sws;

  /** The signature of {@code frame} (any pixel format FFmpeg decodes to). */
  public FrameSignature signature(AVFrame frame, long mediaTimeUs) {
    sws =
        sws_getCachedContext(
            sws,
            frame.width(),
            frame.height(),
            frame.format(),
            W,
            H,
            AV_PIX_FMT_GRAY8,
            SWS_AREA,
            null,
            null,
            (DoublePointer) null);
    if (sws == null) {
      throw new IllegalStateException(
          "FFmpeg cannot reduce pixel format "
              + frame.format()
              + " of a "
              + frame.width()
              + "x"
              + frame.height()
              + " frame to a signature");
    }
    sws_scale(sws, frame.data(), frame.linesize(), 0, frame.height(), planes, strides);
    grey.get(bytes);
    for (int i = 0; i < luma.length; i++) {
      luma[i] = bytes[i] & 0xff;
    }
    return FrameSignature.ofLuma(luma, mediaTimeUs);
  }

  @Override
  public void close() {
    if (sws != null) {
      sws_freeContext(sws);
      sws = null;
    }
    planes.close();
    strides.close();
    grey.close();
  }
}
