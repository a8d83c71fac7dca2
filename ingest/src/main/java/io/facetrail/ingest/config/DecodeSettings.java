package io.facetrail.ingest.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How FFmpeg reads and decodes.
 *
 * @param threads decoder threads, 0 for one per core
 * @param rtspTransport {@code tcp} or {@code udp} for RTSP sources
 * @param skipUnusedFrames leave non-reference frames that sampling will not select undecoded
 * @param options further FFmpeg options, passed unchanged (e.g. {@code analyzeduration: "500000"})
 * @param maxImagePixels the largest frame or image decoded, width x height ({@link
 *     io.facetrail.ingest.source.SourceSpec#maxImagePixels})
 */
public record DecodeSettings(
    Integer threads,
    String rtspTransport,
    Boolean skipUnusedFrames,
    Map<String, String> options,
    Long maxImagePixels) {
  DecodeSettings orElse(DecodeSettings d) {
    Map<String, String> merged = new LinkedHashMap<>(d.options == null ? Map.of() : d.options);
    if (options != null) {
      merged.putAll(options);
    }
    return new DecodeSettings(
        threads != null ? threads : d.threads,
        rtspTransport != null ? rtspTransport : d.rtspTransport,
        skipUnusedFrames != null ? skipUnusedFrames : d.skipUnusedFrames,
        merged,
        maxImagePixels != null ? maxImagePixels : d.maxImagePixels);
  }
}
