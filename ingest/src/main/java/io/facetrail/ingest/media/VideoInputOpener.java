package io.facetrail.ingest.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_COPY_OPAQUE;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string;

import io.facetrail.ingest.media.SourceFailure.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.javacpp.PointerPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens an input, finds its video stream and opens the decoder, classifying every failure. */
final class VideoInputOpener {
  private static final Logger log = LoggerFactory.getLogger(VideoInputOpener.class);
  private static boolean devicesRegistered;

  private VideoInputOpener() {}

  static VideoInput open(OpenRequest request, DecodeStats stats) throws SourceFailure {
    FfmpegLog.install();
    if (!request.network()) {
      OpenFailures.checkLocalFile(request.url());
    }
    AVInputFormat forced = inputFormat(request.format());
    InterruptGuard guard = new InterruptGuard();
    AVFormatContext format = avformat_alloc_context();
    guard.install(format.interrupt_callback());
    if (request.network()) {
      guard.arm(request.openTimeout());
    }
    AVDictionary dict = dictionary(SocketTimeouts.withDefaults(request));
    try {
      int r = avformat_open_input(format, request.url(), forced, dict);
      if (r < 0) {
        // FFmpeg freed the context on failure.
        throw OpenFailures.open(request, r, guard.tripped());
      }
      r = avformat_find_stream_info(format, (PointerPointer<?>) null);
      if (r < 0) {
        avformat_close_input(format);
        throw OpenFailures.open(request, r, guard.tripped());
      }
      VideoInput input = openVideo(request, stats, guard, format, dict);
      if (request.network()) {
        guard.arm(request.stallTimeout());
      }
      return input;
    } catch (SourceFailure | RuntimeException e) {
      // Every path above closed the format context already (or FFmpeg freed it).
      guard.close();
      throw e;
    } finally {
      av_dict_free(dict);
    }
  }

  private static VideoInput openVideo(
      OpenRequest request,
      DecodeStats stats,
      InterruptGuard guard,
      AVFormatContext format,
      AVDictionary leftover)
      throws SourceFailure {
    int index = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
    if (index < 0) {
      String streams = streamTypes(format);
      avformat_close_input(format);
      throw new SourceFailure(
          Kind.NO_VIDEO,
          "no video stream in "
              + request.displayName()
              + (streams.isEmpty() ? "" : " (has " + streams + ")"));
    }
    AVStream stream = format.streams(index);
    int codecId = stream.codecpar().codec_id();
    String codecName = avcodec_get_name(codecId).getString();
    AVCodec decoder = avcodec_find_decoder(codecId);
    if (decoder == null) {
      avformat_close_input(format);
      throw new SourceFailure(
          Kind.UNSUPPORTED_CODEC,
          "unsupported video codec '"
              + codecName
              + "' in "
              + request.displayName()
              + " (this FFmpeg build has no decoder for it)");
    }
    AVCodecContext codec = avcodec_alloc_context3(decoder);
    int r = avcodec_parameters_to_context(codec, stream.codecpar());
    if (r >= 0 && (long) codec.width() * codec.height() > request.maxPixels()) {
      String size = codec.width() + "x" + codec.height();
      avcodec_free_context(codec);
      avformat_close_input(format);
      throw new SourceFailure(
          Kind.TOO_LARGE, PixelCheck.tooLarge(request.displayName(), size, request.maxPixels()));
    }
    if (r >= 0) {
      // FFmpeg's decoder then refuses a larger frame (a resolution change mid-stream) before
      // allocating it.
      codec.max_pixels(request.maxPixels());
      codec.thread_count(request.threads());
      // Packets' opaque tags reach the frames they decode to (see VideoInput's skipping).
      codec.flags(codec.flags() | AV_CODEC_FLAG_COPY_OPAQUE);
      r = avcodec_open2(codec, decoder, leftover);
    }
    if (r < 0) {
      avcodec_free_context(codec);
      avformat_close_input(format);
      throw new SourceFailure(
          Kind.UNSUPPORTED_CODEC,
          "cannot open the '"
              + codecName
              + "' decoder for "
              + request.displayName()
              + ": "
              + FfmpegErrors.describe(r));
    }
    warnIgnored(request, leftover);
    AVRational rate = stream.avg_frame_rate();
    double fps = rate.den() == 0 ? 0 : (double) rate.num() / rate.den();
    long duration = format.duration() == AV_NOPTS_VALUE ? -1 : format.duration();
    StreamInfo info =
        new StreamInfo(
            format.iformat().name().getString(),
            codecName,
            codec.width(),
            codec.height(),
            fps,
            request.network() && duration <= 0 ? -1 : duration,
            stream.nb_frames() > 0 ? stream.nb_frames() : -1);
    return new VideoInput(request, guard, stats, format, codec, index, info);
  }

  private static AVInputFormat inputFormat(String name) throws SourceFailure {
    if (name == null || name.isBlank()) {
      return null;
    }
    registerDevices();
    AVInputFormat format = av_find_input_format(name);
    if (format == null) {
      throw new SourceFailure(
          Kind.NOT_MEDIA, "input format '" + name + "' is not available in this FFmpeg build");
    }
    return format;
  }

  private static synchronized void registerDevices() {
    if (!devicesRegistered) {
      avdevice.avdevice_register_all();
      devicesRegistered = true;
    }
  }

  private static AVDictionary dictionary(Map<String, String> options) {
    AVDictionary dict = new AVDictionary(null);
    options.forEach((k, v) -> av_dict_set(dict, k, v, 0));
    return dict;
  }

  private static void warnIgnored(OpenRequest request, AVDictionary leftover) {
    List<String> ignored = new ArrayList<>();
    AVDictionaryEntry e = null;
    while ((e = av_dict_get(leftover, "", e, AV_DICT_IGNORE_SUFFIX)) != null) {
      String key = e.key().getString();
      if (request.options().containsKey(key)) {
        ignored.add(key);
      }
    }
    if (!ignored.isEmpty()) {
      log.warn("FFmpeg did not recognise the options {} for {}", ignored, request.displayName());
    }
  }

  private static String streamTypes(AVFormatContext format) {
    List<String> types = new ArrayList<>();
    for (int i = 0; i < format.nb_streams(); i++) {
      var name = av_get_media_type_string(format.streams(i).codecpar().codec_type());
      types.add(name == null ? "unknown" : name.getString());
    }
    return String.join(", ", types);
  }
}
