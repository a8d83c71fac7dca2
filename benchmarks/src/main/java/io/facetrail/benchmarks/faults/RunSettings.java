package io.facetrail.benchmarks.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every run of one invocation shares.
 *
 * @param video the video ingested in every run
 * @param fps ingest's sampling rate
 * @param detection the embedder's detection profile
 * @param faultAfterOffsets the fault is injected once the embedder has committed this many offsets
 *     of the frames topic (frames analysed, plus transaction markers), i.e. mid-stream
 * @param outage how long the broker or Redis stays down
 * @param quiet how long nothing may change before a run counts as finished
 * @param timeout the longest a run may take
 */
record RunSettings(
    Path video,
    double fps,
    String detection,
    long faultAfterOffsets,
    Duration outage,
    Duration quiet,
    Duration timeout) {
  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("video", video.toString());
    m.put("fps", fps);
    m.put("detection", detection);
    m.put("faultAfterOffsets", faultAfterOffsets);
    m.put("outageSeconds", outage.toMillis() / 1000.0);
    m.put("quietSeconds", quiet.toMillis() / 1000.0);
    m.put("timeoutSeconds", timeout.toSeconds());
    return m;
  }
}
