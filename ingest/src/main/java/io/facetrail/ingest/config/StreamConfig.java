package io.facetrail.ingest.config;

import io.facetrail.ingest.source.SourceKind;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.runtime.config.Secret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configured stream. Only {@code input} is required; unset settings come from {@code defaults}.
 *
 * @param id stream id (Kafka key); derived from the input when absent
 * @param input file, folder of images, URL ({@code rtsp://}, {@code http(s)://}, HLS {@code .m3u8})
 *     or device ({@code /dev/video0})
 * @param live whether the source is live; absent = live for URLs and devices
 * @param labels operator labels carried on every frame, e.g. {@code site}, {@code camera}
 * @param username user name for the URL, kept out of the URL so the password can be a secret
 * @param password password for the URL (never printed)
 * @param sampling overrides {@code defaults.sampling}
 * @param output overrides {@code defaults.output}
 * @param decode overrides {@code defaults.decode} (options are merged)
 * @param reconnect overrides {@code defaults.reconnect}
 * @param openTimeout overrides {@code defaults.openTimeout}
 * @param stallTimeout overrides {@code defaults.stallTimeout}
 * @param queueCapacity overrides {@code defaults.queueCapacity}
 */
public record StreamConfig(
    String id,
    String input,
    Boolean live,
    Map<String, String> labels,
    String username,
    Secret password,
    SamplingSettings sampling,
    OutputSettings output,
    DecodeSettings decode,
    ReconnectSettings reconnect,
    Duration openTimeout,
    Duration stallTimeout,
    Integer queueCapacity) {

  /** A stream given only by its input (the quick command-line form). */
  public static StreamConfig of(String input) {
    return new StreamConfig(
        null, input, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * The source this entry describes.
   *
   * @param streamId the id to use (explicit or derived)
   * @throws IllegalArgumentException naming the first invalid value
   */
  public SourceSpec toSpec(String streamId, StreamDefaults d) {
    SourceKind kind = SourceKind.detect(input);
    boolean isLive = live != null ? live : kind.liveByDefault();
    SamplingSettings s = sampling == null ? d.sampling() : sampling.orElse(d.sampling());
    OutputSettings o = output == null ? d.output() : output.orElse(d.output());
    DecodeSettings dec = decode == null ? d.decode().orElse(d.decode()) : decode.orElse(d.decode());
    ReconnectSettings r = reconnect == null ? d.reconnect() : reconnect.orElse(d.reconnect());
    if (!java.util.Set.of("tcp", "udp", "http", "https").contains(dec.rtspTransport())) {
      throw new IllegalArgumentException(
          "rtspTransport '" + dec.rtspTransport() + "' must be tcp, udp, http or https");
    }
    Map<String, String> ffmpeg = new LinkedHashMap<>();
    if (input.toLowerCase(java.util.Locale.ROOT).startsWith("rtsp")) {
      ffmpeg.put("rtsp_transport", dec.rtspTransport());
    }
    ffmpeg.putAll(dec.options());
    return SourceSpec.builder(input)
        .optStreamId(streamId)
        .optKind(kind)
        .optLive(isLive)
        .optLabels(labels == null ? Map.of() : labels)
        .optSampling(s.policy(isLive))
        .optJpegQuality(o.jpegQuality())
        .optMaxSide(o.maxSide())
        .optDecoderThreads(dec.threads())
        .optSkipUnusedFrames(dec.skipUnusedFrames())
        .optFfmpegOptions(ffmpeg)
        .optMaxImagePixels(
            dec.maxImagePixels() != null
                ? dec.maxImagePixels()
                : SourceSpec.DEFAULT_MAX_IMAGE_PIXELS)
        .optReconnect(r.policy())
        .optOpenTimeout(openTimeout != null ? openTimeout : d.openTimeout())
        .optStallTimeout(stallTimeout != null ? stallTimeout : d.stallTimeout())
        .optQueueCapacity(queueCapacity != null ? queueCapacity : d.queueCapacity())
        .optCredentials(username, password)
        .build();
  }
}
