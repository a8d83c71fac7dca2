package io.facetrail.benchmarks.decode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_ref;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import io.facetrail.ingest.media.FfmpegErrors;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Repeats a short clip's video stream, without re-encoding, into a file long enough to measure
 * steady-state decoding: every repetition's timestamps follow the previous one's.
 */
final class LoopedClip {
  /**
   * @param loops how many copies were written (1 when the source was long enough)
   * @param seconds media length of the result
   */
  record Result(Path file, int loops, double seconds) {}

  private LoopedClip() {}

  /** The source itself when it lasts {@code minSeconds}, else a looped copy at {@code target}. */
  static Result atLeast(Path source, double minSeconds, Path target) {
    List<AVPacket> packets = new ArrayList<>();
    AVFormatContext in = new AVFormatContext(null);
    check(avformat_open_input(in, source.toString(), null, null), "open " + source);
    try {
      check(avformat_find_stream_info(in, (PointerPointer<?>) null), "probe " + source);
      int index = av_find_best_stream(in, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
      check(index, "find a video stream in " + source);
      AVStream stream = in.streams(index);
      AVRational tb = stream.time_base();
      long loopDuration = readPackets(in, index, packets);
      double clipSeconds = loopDuration * (double) tb.num() / tb.den();
      int loops = (int) Math.ceil(minSeconds / clipSeconds);
      if (loops <= 1) {
        return new Result(source, 1, clipSeconds);
      }
      write(stream, packets, loops, loopDuration, target);
      return new Result(target, loops, loops * clipSeconds);
    } finally {
      packets.forEach(p -> av_packet_free(p));
      avformat_close_input(in);
    }
  }

  /** Copies the stream's packets; returns the clip's duration in its time base. */
  private static long readPackets(AVFormatContext in, int index, List<AVPacket> out) {
    AVPacket pkt = av_packet_alloc();
    long first = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    try {
      while (av_read_frame(in, pkt) >= 0) {
        if (pkt.stream_index() == index && pkt.pts() != AV_NOPTS_VALUE) {
          first = Math.min(first, pkt.pts());
          end = Math.max(end, pkt.pts() + Math.max(1, pkt.duration()));
          out.add(av_packet_clone(pkt));
        }
        av_packet_unref(pkt);
      }
    } finally {
      av_packet_free(pkt);
    }
    if (out.isEmpty()) {
      throw new UserFacingException("no timed video packets to loop");
    }
    return end - first;
  }

  private static void write(
      AVStream source, List<AVPacket> packets, int loops, long loopDuration, Path target) {
    AVFormatContext out = new AVFormatContext(null);
    check(avformat_alloc_output_context2(out, null, null, target.toString()), "create " + target);
    try {
      AVStream stream = avformat_new_stream(out, null);
      check(avcodec_parameters_copy(stream.codecpar(), source.codecpar()), "copy codec parameters");
      stream.codecpar().codec_tag(0);
      stream.time_base(source.time_base());
      AVIOContext pb = new AVIOContext(null);
      check(avio_open(pb, target.toString(), AVIO_FLAG_WRITE), "write " + target);
      out.pb(pb);
      check(avformat_write_header(out, (AVDictionary) null), "write the header of " + target);
      AVPacket copy = av_packet_alloc();
      try {
        for (int loop = 0; loop < loops; loop++) {
          long offset = loop * loopDuration;
          for (AVPacket p : packets) {
            check(av_packet_ref(copy, p), "copy a packet");
            copy.pts(copy.pts() + offset);
            if (copy.dts() != AV_NOPTS_VALUE) {
              copy.dts(copy.dts() + offset);
            }
            copy.stream_index(0);
            av_packet_rescale_ts(copy, source.time_base(), stream.time_base());
            check(av_interleaved_write_frame(out, copy), "write a packet");
          }
        }
      } finally {
        av_packet_free(copy);
      }
      check(av_write_trailer(out), "finish " + target);
    } finally {
      if (out.pb() != null && !out.pb().isNull()) {
        avio_closep(out.pb());
      }
      avformat_free_context(out);
    }
  }

  private static void check(int code, String what) {
    if (code < 0) {
      throw new UserFacingException("cannot " + what + ": " + FfmpegErrors.describe(code));
    }
  }
}
