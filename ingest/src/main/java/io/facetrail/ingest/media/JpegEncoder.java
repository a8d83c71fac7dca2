package io.facetrail.ingest.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_QSCALE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.FF_QP2LAMBDA;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Encodes decoded frames to JPEG with FFmpeg's MJPEG encoder, straight from the decoder's YUV
 * planes (one {@code sws_scale} pass converts to full-range YUV and downscales at the same time; no
 * RGB copy is ever made). Not thread-safe: one encoder per stream.
 */
public final class JpegEncoder implements AutoCloseable {
  /** With the quality in the matrices, qscale 8 makes FFmpeg use them unscaled. */
  private static final int NEUTRAL_QSCALE = 8;

  private final int quality;
  private final int maxSide;
  private final AVPacket packet = av_packet_alloc();
  private SwsContext sws;
  private SwsContext fullRangeSws;
  private AVCodecContext encoder;
  private AVFrame target;
  private int targetWidth;
  private int targetHeight;
  private long pts;

  /**
   * @param quality JPEG quality 1..100 (libjpeg's scale)
   * @param maxSide downscale so that neither side exceeds this many pixels; 0 keeps the size
   */
  public JpegEncoder(int quality, int maxSide) {
    JpegQuality.luma(quality); // validates
    if (maxSide < 0) {
      throw new IllegalArgumentException("maxSide " + maxSide + " is negative");
    }
    this.quality = quality;
    this.maxSide = maxSide;
  }

  /** Encodes {@code frame} (any pixel format FFmpeg decodes to). */
  public EncodedImage encode(AVFrame frame) {
    int width = frame.width();
    int height = frame.height();
    int[] size = targetSize(width, height, maxSide);
    if (encoder == null || size[0] != targetWidth || size[1] != targetHeight) {
      openEncoder(size[0], size[1]);
    }
    int flags = size[0] < width ? SWS_AREA : SWS_BILINEAR;
    sws =
        sws_getCachedContext(
            sws,
            width,
            height,
            frame.format(),
            targetWidth,
            targetHeight,
            AV_PIX_FMT_YUVJ420P,
            flags,
            null,
            null,
            (DoublePointer) null);
    if (sws != null && frame.color_range() == AVCOL_RANGE_JPEG && !sws.equals(fullRangeSws)) {
      // A full-range picture in a plain YUV format (common from IP cameras): without this, sws
      // would read it as limited range and stretch its contrast a second time.
      IntPointer bt601 = sws_getCoefficients(SWS_CS_DEFAULT);
      sws_setColorspaceDetails(sws, bt601, 1, bt601, 1, 0, 1 << 16, 1 << 16);
      fullRangeSws = sws;
    }
    if (sws == null) {
      throw new IllegalStateException(
          "FFmpeg cannot convert pixel format "
              + frame.format()
              + " of a "
              + width
              + "x"
              + height
              + " frame");
    }
    check(av_frame_make_writable(target), "make the frame writable");
    sws_scale(sws, frame.data(), frame.linesize(), 0, height, target.data(), target.linesize());
    target.pts(pts++);
    target.quality(NEUTRAL_QSCALE * FF_QP2LAMBDA);
    check(avcodec_send_frame(encoder, target), "encode a JPEG");
    check(avcodec_receive_packet(encoder, packet), "receive the JPEG");
    try {
      byte[] jpeg = new byte[packet.size()];
      packet.data().get(jpeg);
      return new EncodedImage(jpeg, targetWidth, targetHeight);
    } finally {
      av_packet_unref(packet);
    }
  }

  /** The output size for a frame: the longest side limited to {@code maxSide}, sides even. */
  static int[] targetSize(int width, int height, int maxSide) {
    int longest = Math.max(width, height);
    if (maxSide <= 0 || longest <= maxSide) {
      return new int[] {width, height};
    }
    double scale = (double) maxSide / longest;
    int w = Math.max(2, (int) Math.round(width * scale) & ~1);
    int h = Math.max(2, (int) Math.round(height * scale) & ~1);
    return new int[] {w, h};
  }

  private void openEncoder(int width, int height) {
    closeEncoder();
    AVCodec codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
    if (codec == null) {
      throw new IllegalStateException("this FFmpeg build has no MJPEG encoder");
    }
    encoder = avcodec_alloc_context3(codec);
    encoder.width(width);
    encoder.height(height);
    encoder.pix_fmt(AV_PIX_FMT_YUVJ420P);
    encoder.time_base().num(1);
    encoder.time_base().den(25);
    encoder.thread_count(1);
    encoder.flags(encoder.flags() | AV_CODEC_FLAG_QSCALE);
    encoder.global_quality(NEUTRAL_QSCALE * FF_QP2LAMBDA);
    // FFmpeg frees these with the context, so they must come from av_malloc.
    encoder.intra_matrix(matrix(JpegQuality.luma(quality)));
    encoder.chroma_intra_matrix(matrix(JpegQuality.chroma(quality)));
    check(avcodec_open2(encoder, codec, (AVDictionary) null), "open the MJPEG encoder");
    target = av_frame_alloc();
    target.format(AV_PIX_FMT_YUVJ420P);
    target.width(width);
    target.height(height);
    check(av_frame_get_buffer(target, 32), "allocate a frame");
    targetWidth = width;
    targetHeight = height;
  }

  private static ShortPointer matrix(int[] values) {
    ShortPointer m = new ShortPointer(av_malloc(64 * Short.BYTES)).capacity(64);
    for (int i = 0; i < 64; i++) {
      m.put(i, (short) values[i]);
    }
    return m;
  }

  private static void check(int code, String what) {
    if (code < 0) {
      throw new IllegalStateException(
          "FFmpeg failed to " + what + ": " + FfmpegErrors.describe(code));
    }
  }

  private void closeEncoder() {
    if (target != null) {
      av_frame_free(target);
      target = null;
    }
    if (encoder != null) {
      avcodec_free_context(encoder);
      encoder = null;
    }
  }

  @Override
  public void close() {
    closeEncoder();
    if (sws != null) {
      sws_freeContext(sws);
      sws = null;
    }
    av_packet_free(packet);
  }
}
