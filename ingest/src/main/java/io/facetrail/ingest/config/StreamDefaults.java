package io.facetrail.ingest.config;

import java.time.Duration;

/**
 * Settings every stream inherits unless it sets its own.
 *
 * @param sampling which frames to publish
 * @param output JPEG encoding
 * @param decode FFmpeg reading and decoding
 * @param reconnect retry policy of live sources
 * @param openTimeout how long connecting to a network source or device may take
 * @param stallTimeout a live source without a frame for this long is reconnected
 * @param queueCapacity frames buffered between decoding and publishing
 */
public record StreamDefaults(
    SamplingSettings sampling,
    OutputSettings output,
    DecodeSettings decode,
    ReconnectSettings reconnect,
    Duration openTimeout,
    Duration stallTimeout,
    Integer queueCapacity) {}
