package io.facetrail.ingest.media;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONKEY;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.facetrail.ingest.media.SourceFailure.Kind;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * One open connection to a video input: reads packets of its video stream, decodes them and hands
 * every intact frame to a {@link FrameSink}. Corrupt packets and damaged frames are skipped and
 * counted in {@link DecodeStats}; a broken connection or stall ends the input with a {@link
 * SourceFailure}. Not thread-safe, except {@link #stop()}.
 */
public final class VideoInput implements AutoCloseable {
  /** {@code AV_FRAME_FLAG_CORRUPT}: the decoder concealed errors in this frame. */
  private static final int FRAME_FLAG_CORRUPT = 1;

  /** {@code AV_FRAME_FLAG_KEY}. */
  private static final int FRAME_FLAG_KEY = 1 << 1;

  /** Tags packets the decoder may skip; FFmpeg copies the tag to the frames they yield. */
  private static final Pointer SKIPPABLE = new BytePointer(1);

  /** A file whose reads fail this many times in a row is unreadable, not merely damaged. */
  private static final int MAX_CONSECUTIVE_READ_ERRORS = 32;

  private final OpenRequest request;
  private final InterruptGuard guard;
  private final DecodeStats stats;
  private final StreamInfo info;
  private AVFormatContext format;
  private AVCodecContext codec;
  private final int streamIndex;
  private final double timeBaseUs;
  private final AVPacket packet = av_packet_alloc();
  private final AVFrame frame = av_frame_alloc();
  private long startPts;
  private long lastMediaTimeUs = -1;
  private DecodeHint hint;
  private int skipMode = AVDISCARD_DEFAULT;
  private int consecutiveReadErrors;
  private boolean ended;

  VideoInput(
      OpenRequest request,
      InterruptGuard guard,
      DecodeStats stats,
      AVFormatContext format,
      AVCodecContext codec,
      int streamIndex,
      StreamInfo info) {
    this.request = request;
    this.guard = guard;
    this.stats = stats;
    this.format = format;
    this.codec = codec;
    this.streamIndex = streamIndex;
    this.info = info;
    var timeBase = format.streams(streamIndex).time_base();
    this.timeBaseUs = 1e6 * timeBase.num() / timeBase.den();
    long start = format.streams(streamIndex).start_time();
    this.startPts = start;
    if (request.keyFramesOnly()) {
      codec.skip_frame(AVDISCARD_NONKEY);
    }
  }

  /**
   * Opens an input and its video decoder.
   *
   * @param stats counters shared by every connection of the same source
   * @throws SourceFailure naming the input and the cause
   */
  public static VideoInput open(OpenRequest request, DecodeStats stats) throws SourceFailure {
    return VideoInputOpener.open(request, stats);
  }

  /** What the input holds. */
  public StreamInfo info() {
    return info;
  }

  /**
   * Lets the decoder leave out non-reference frames for which {@code hint} says they are not needed
   * (nothing else depends on such frames, so no other frame suffers).
   */
  public void hint(DecodeHint hint) {
    this.hint = hint;
  }

  /** Aborts a blocking read from another thread; the reading thread then sees the end. */
  public void stop() {
    guard.stop();
  }

  /**
   * Reads one packet and hands the frames it completes to {@code sink}.
   *
   * @return false once the input has ended (end of file, end of a live stream, or {@link #stop()})
   * @throws SourceFailure when the connection broke or stalled, or a file became unreadable
   */
  public boolean readNext(FrameSink sink) throws SourceFailure, InterruptedException {
    if (ended) {
      return false;
    }
    // Once the deadline has interrupted I/O the connection is stalled, whatever frames FFmpeg's
    // buffers gave up since (they were delivered: nothing is lost).
    if (request.network() && (guard.expired() || guard.tripped())) {
      throw stalled();
    }
    int r = av_read_frame(format, packet);
    if (r == AVERROR_EOF) {
      drain(sink);
      ended = true;
      return false;
    }
    if (r == AVERROR_EAGAIN()) {
      Thread.sleep(5);
      return true;
    }
    if (r < 0) {
      return readFailed(r);
    }
    consecutiveReadErrors = 0;
    try {
      if (packet.stream_index() == streamIndex
          && (!request.keyFramesOnly() || (packet.flags() & AV_PKT_FLAG_KEY) != 0)) {
        decode(packet, sink);
      }
    } finally {
      av_packet_unref(packet);
    }
    return true;
  }

  private boolean readFailed(int code) throws SourceFailure {
    if (guard.stopped()) {
      ended = true;
      return false;
    }
    // FFmpeg's socket timeouts back the stall timeout up (SocketTimeouts): a read that times out is
    // the same silence the guard watches for, whichever of the two notices it first (the read
    // can, when decoding lags the last bytes received).
    if (guard.tripped()
        || guard.expired()
        || (request.network() && code == FfmpegErrors.ETIMEDOUT)) {
      throw stalled();
    }
    if (request.network()) {
      throw new SourceFailure(
          Kind.CONNECTION_LOST, "connection lost: " + FfmpegErrors.describe(code));
    }
    stats.readError();
    if (++consecutiveReadErrors >= MAX_CONSECUTIVE_READ_ERRORS) {
      throw new SourceFailure(
          Kind.READ_ERROR,
          "reading failed "
              + consecutiveReadErrors
              + " times in a row ("
              + FfmpegErrors.describe(code)
              + ")");
    }
    return true;
  }

  private SourceFailure stalled() {
    return new SourceFailure(
        Kind.STALLED, "stalled: no frame for " + OpenFailures.seconds(request.stallTimeout()));
  }

  private void decode(AVPacket pkt, FrameSink sink) throws InterruptedException {
    boolean skippable = false;
    if (hint != null && !request.keyFramesOnly()) {
      boolean needed =
          pkt.pts() == AV_NOPTS_VALUE
              || startPts == AV_NOPTS_VALUE
              || hint.mayNeed(Math.round((pkt.pts() - startPts) * timeBaseUs));
      skippable = !needed;
      pkt.opaque(skippable ? SKIPPABLE : null);
      int mode = needed ? AVDISCARD_DEFAULT : AVDISCARD_NONREF;
      if (mode != skipMode) {
        // Frame threads copy this setting when the packet is submitted: it applies per packet.
        codec.skip_frame(mode);
        skipMode = mode;
      }
    }
    stats.packet(skippable);
    int sent = avcodec_send_packet(codec, pkt);
    if (sent == AVERROR_EAGAIN()) {
      receive(sink);
      sent = avcodec_send_packet(codec, pkt);
    }
    if (sent < 0 && sent != AVERROR_EOF) {
      stats.rejected();
    }
    receive(sink);
  }

  private void drain(FrameSink sink) throws InterruptedException {
    avcodec_send_packet(codec, (AVPacket) null);
    receive(sink);
  }

  private void receive(FrameSink sink) throws InterruptedException {
    int errors = 0;
    while (true) {
      int r = avcodec_receive_frame(codec, frame);
      if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
        return;
      }
      if (r < 0) {
        // A frame the decoder gave up on (reported late under frame threading).
        stats.rejected();
        if (++errors > 16) {
          return;
        }
        continue;
      }
      try {
        deliver(sink);
      } finally {
        av_frame_unref(frame);
      }
    }
  }

  private void deliver(FrameSink sink) throws InterruptedException {
    stats.decoded();
    Pointer tag = frame.opaque();
    if (tag != null && !tag.isNull()) {
      stats.skippableDecoded(); // a reference frame: the decoder had to decode it anyway
    }
    if (request.network()) {
      guard.arm(request.stallTimeout());
    }
    if ((frame.flags() & FRAME_FLAG_CORRUPT) != 0 || frame.decode_error_flags() != 0) {
      // Concealed errors look like smeared blocks: faces found there would be noise.
      stats.damaged();
      return;
    }
    sink.accept(frame, mediaTimeUs(), (frame.flags() & FRAME_FLAG_KEY) != 0);
  }

  private long mediaTimeUs() {
    long pts = frame.best_effort_timestamp();
    if (pts == AV_NOPTS_VALUE) {
      pts = frame.pts();
    }
    long us;
    if (pts == AV_NOPTS_VALUE) {
      us = lastMediaTimeUs < 0 ? 0 : lastMediaTimeUs + info.frameIntervalUs();
    } else {
      if (startPts == AV_NOPTS_VALUE) {
        startPts = pts;
      }
      us = Math.round((pts - startPts) * timeBaseUs);
    }
    // Frames before the declared start (edit lists, priming) clamp to 0; order stays monotonic.
    us = Math.max(us, Math.max(0, lastMediaTimeUs));
    lastMediaTimeUs = us;
    return us;
  }

  @Override
  public void close() {
    av_packet_free(packet);
    av_frame_free(frame);
    if (codec != null) {
      avcodec_free_context(codec);
      codec = null;
    }
    if (format != null) {
      avformat_close_input(format);
      format = null;
      // Only now: closing an RTSP input still does I/O (TEARDOWN) that the guard must bound.
      guard.close();
    }
  }
}
