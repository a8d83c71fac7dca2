package io.facetrail.ingest.source;

import io.facetrail.ingest.sampling.SamplingPolicy;
import io.facetrail.runtime.config.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One source to ingest and how. Build with {@link #builder(String)}: every option has a default
 * suited to the kind of input, and {@link Builder#build()} validates.
 *
 * @param streamId the stream id (Kafka key), or null to derive one from the input
 * @param input file path, folder, URL or device
 * @param kind what the input is
 * @param live whether the source is live: live sources reconnect when they fail and drop the oldest
 *     frames when publishing falls behind; others block and end at end of input
 * @param labels operator labels carried on every frame (site, camera)
 * @param sampling which frames to publish
 * @param jpegQuality JPEG quality 1..100
 * @param maxSide downscale frames so neither side exceeds this; 0 keeps the size
 * @param decoderThreads FFmpeg decoder threads; 0 lets FFmpeg choose
 * @param skipUnusedFrames leave non-reference frames the sampling policy will not select undecoded
 *     (no other frame depends on them); false decodes every frame
 * @param ffmpegOptions FFmpeg protocol/demuxer/decoder options (e.g. {@code rtsp_transport=tcp})
 * @param reconnect retry policy of live sources
 * @param openTimeout how long connecting may take (network and devices)
 * @param stallTimeout a live source that delivers no frame this long is reconnected
 * @param queueCapacity frames buffered between decoding and publishing
 * @param username user name for the stream's URL, or null
 * @param password password for the stream's URL (never logged), or null
 * @param maxImagePixels the largest frame or image (width x height) decoded: an image over it is
 *     skipped before FFmpeg opens it, a video whose frames are larger fails to open, and FFmpeg's
 *     decoder refuses larger frames ({@link #DEFAULT_MAX_IMAGE_PIXELS} by default)
 */
public record SourceSpec(
    String streamId,
    String input,
    SourceKind kind,
    boolean live,
    Map<String, String> labels,
    SamplingPolicy sampling,
    int jpegQuality,
    int maxSide,
    int decoderThreads,
    boolean skipUnusedFrames,
    Map<String, String> ffmpegOptions,
    ReconnectPolicy reconnect,
    Duration openTimeout,
    Duration stallTimeout,
    int queueCapacity,
    String username,
    Secret password,
    long maxImagePixels) {
  /** 40 megapixels: above 8K video (33.2 MP) and any camera's photo, 120 MB as RGB. */
  public static final long DEFAULT_MAX_IMAGE_PIXELS = 40_000_000L;

  /** The most {@link #maxImagePixels} may be: a decoded frame is one Java array of RGB bytes. */
  public static final long MAX_IMAGE_PIXELS_CEILING = Integer.MAX_VALUE / 3;

  public SourceSpec {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(kind, "kind");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(sampling, "sampling");
    ffmpegOptions = Map.copyOf(ffmpegOptions);
    Objects.requireNonNull(reconnect, "reconnect");
    Objects.requireNonNull(openTimeout, "openTimeout");
    Objects.requireNonNull(stallTimeout, "stallTimeout");
    check(!input.isBlank(), "input is empty");
    check(jpegQuality >= 1 && jpegQuality <= 100, "jpegQuality " + jpegQuality + " not in 1..100");
    check(maxSide == 0 || maxSide >= 16, "maxSide " + maxSide + " must be 0 or at least 16");
    check(decoderThreads >= 0 && decoderThreads <= 64, "decoderThreads not in 0..64");
    check(queueCapacity >= 1 && queueCapacity <= 10_000, "queueCapacity not in 1..10000");
    check(
        maxImagePixels >= 1 && maxImagePixels <= MAX_IMAGE_PIXELS_CEILING,
        "maxImagePixels " + maxImagePixels + " not in 1.." + MAX_IMAGE_PIXELS_CEILING);
    check(!openTimeout.isNegative() && !openTimeout.isZero(), "openTimeout must be positive");
    check(!stallTimeout.isNegative() && !stallTimeout.isZero(), "stallTimeout must be positive");
    check(
        password == null || username != null,
        "a password needs a username for " + displayInput(input));
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  private static String displayInput(String input) {
    return InputNames.display(input);
  }

  /** A builder with the defaults for {@code input}'s kind. */
  public static Builder builder(String input) {
    return new Builder(input);
  }

  /** The input for logs and messages, without credentials. */
  public String displayName() {
    return InputNames.display(input);
  }

  /** The URL to open: the input with the configured credentials (never log it). */
  public String openUrl() {
    if (username == null || kind != SourceKind.NETWORK) {
      return input;
    }
    int schemeEnd = input.indexOf("://");
    String userInfo =
        encode(username) + (password == null ? "" : ":" + encode(password.reveal())) + "@";
    return input.substring(0, schemeEnd + 3) + userInfo + input.substring(schemeEnd + 3);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The same source under another stream id. */
  public SourceSpec withStreamId(String id) {
    return new SourceSpec(
        id,
        input,
        kind,
        live,
        labels,
        sampling,
        jpegQuality,
        maxSide,
        decoderThreads,
        skipUnusedFrames,
        ffmpegOptions,
        reconnect,
        openTimeout,
        stallTimeout,
        queueCapacity,
        username,
        password,
        maxImagePixels);
  }

  /** Builds a {@link SourceSpec}: {@code set*} for what is required, {@code opt*} for the rest. */
  public static final class Builder {
    private final String input;
    private String streamId;
    private SourceKind kind;
    private Boolean live;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private SamplingPolicy sampling;
    private long maxImagePixels = DEFAULT_MAX_IMAGE_PIXELS;
    private int jpegQuality = 85;
    private int maxSide;
    private int decoderThreads;
    private boolean skipUnusedFrames = true;
    private final Map<String, String> ffmpegOptions = new LinkedHashMap<>();
    private ReconnectPolicy reconnect = ReconnectPolicy.defaults();
    private Duration openTimeout = Duration.ofSeconds(15);
    private Duration stallTimeout = Duration.ofSeconds(10);
    private int queueCapacity = 8;
    private String username;
    private Secret password;

    private Builder(String input) {
      this.input = Objects.requireNonNull(input, "input").strip();
    }

    public Builder optStreamId(String id) {
      this.streamId = id;
      return this;
    }

    public Builder optKind(SourceKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder optLive(boolean live) {
      this.live = live;
      return this;
    }

    public Builder optLabels(Map<String, String> labels) {
      this.labels.putAll(labels);
      return this;
    }

    public Builder optSampling(SamplingPolicy sampling) {
      this.sampling = sampling;
      return this;
    }

    public Builder optJpegQuality(int quality) {
      this.jpegQuality = quality;
      return this;
    }

    public Builder optMaxSide(int maxSide) {
      this.maxSide = maxSide;
      return this;
    }

    public Builder optDecoderThreads(int threads) {
      this.decoderThreads = threads;
      return this;
    }

    public Builder optSkipUnusedFrames(boolean skip) {
      this.skipUnusedFrames = skip;
      return this;
    }

    public Builder optFfmpegOptions(Map<String, String> options) {
      this.ffmpegOptions.putAll(options);
      return this;
    }

    public Builder optReconnect(ReconnectPolicy policy) {
      this.reconnect = policy;
      return this;
    }

    public Builder optOpenTimeout(Duration timeout) {
      this.openTimeout = timeout;
      return this;
    }

    public Builder optStallTimeout(Duration timeout) {
      this.stallTimeout = timeout;
      return this;
    }

    public Builder optQueueCapacity(int capacity) {
      this.queueCapacity = capacity;
      return this;
    }

    public Builder optMaxImagePixels(long pixels) {
      this.maxImagePixels = pixels;
      return this;
    }

    public Builder optCredentials(String username, Secret password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid option
     */
    public SourceSpec build() {
      SourceKind k = kind != null ? kind : SourceKind.detect(input);
      boolean isLive = live != null ? live : k.liveByDefault();
      SamplingPolicy s =
          sampling != null
              ? sampling
              : isLive ? SamplingPolicy.fps(5) : SamplingPolicy.everyFrame();
      return new SourceSpec(
          streamId,
          input,
          k,
          isLive,
          labels,
          s,
          jpegQuality,
          maxSide,
          decoderThreads,
          skipUnusedFrames,
          ffmpegOptions,
          reconnect,
          openTimeout,
          stallTimeout,
          queueCapacity,
          username,
          password,
          maxImagePixels);
    }
  }
}
