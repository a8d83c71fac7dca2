package io.facetrail.ingest.engine;

import io.facetrail.ingest.media.SourceFailure;

/**
 * How a stream ended.
 *
 * @param streamId the stream
 * @param reason completed, failed or stopped
 * @param detail what happened, naming the input and cause (for {@code FAILED}); never image data
 * @param failure the kind of input failure, or null (completed, stopped, or a Kafka failure)
 * @param counts the final counters
 */
public record StreamOutcome(
    String streamId,
    EndReason reason,
    String detail,
    SourceFailure.Kind failure,
    StreamCounts counts) {}
