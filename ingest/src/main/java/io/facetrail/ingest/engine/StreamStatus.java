package io.facetrail.ingest.engine;

import java.time.Duration;

/**
 * A stream's state at one moment, for progress displays, health and the status API.
 *
 * @param streamId the stream
 * @param input the input without credentials
 * @param live whether the source is live
 * @param state where the stream is in its life
 * @param counts the counters
 * @param decodeFps frames decoded per second over the last few seconds
 * @param lastFrameAge time since the last decoded frame, or null before the first one
 * @param mediaPositionUs media time of the last selected frame, microseconds
 * @param durationUs length of the input, -1 when unknown (live)
 * @param detail the last problem (e.g. why it is reconnecting), or how it ended; may be empty
 * @param lastGap the latest interruption that frames came back from, or null if none yet
 */
public record StreamStatus(
    String streamId,
    String input,
    boolean live,
    StreamState state,
    StreamCounts counts,
    double decodeFps,
    Duration lastFrameAge,
    long mediaPositionUs,
    long durationUs,
    String detail,
    StreamGap lastGap) {}
