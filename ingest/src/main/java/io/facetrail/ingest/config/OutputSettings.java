package io.facetrail.ingest.config;

/**
 * How selected frames are encoded.
 *
 * @param maxSide downscale so neither side exceeds this many pixels; 0 keeps the size
 * @param jpegQuality JPEG quality 1..100
 */
public record OutputSettings(Integer maxSide, Integer jpegQuality) {
  OutputSettings orElse(OutputSettings d) {
    return new OutputSettings(
        maxSide != null ? maxSide : d.maxSide, jpegQuality != null ? jpegQuality : d.jpegQuality);
  }
}
