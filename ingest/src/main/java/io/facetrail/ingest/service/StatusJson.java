package io.facetrail.ingest.service;

import io.facetrail.ingest.engine.StreamCounts;
import io.facetrail.ingest.engine.StreamGap;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.ingest.engine.StreamStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stream status and outcomes as JSON: the status API, and the summary lines of {@code facetrail
 * ingest}.
 */
public final class StatusJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StatusJson() {}

  public static String statuses(List<StreamStatus> statuses) {
    return JSON.writeValueAsString(
        Map.of("streams", statuses.stream().map(StatusJson::status).toList()));
  }

  static Map<String, Object> status(StreamStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stream", s.streamId());
    m.put("input", s.input());
    m.put("live", s.live());
    m.put("state", s.state().name().toLowerCase(Locale.ROOT));
    m.putAll(counts(s.counts()));
    m.put("decodeFps", Math.round(s.decodeFps() * 10) / 10.0);
    m.put(
        "lastFrameAgeSeconds",
        s.lastFrameAge() == null ? null : s.lastFrameAge().toMillis() / 1000.0);
    m.put("mediaPositionSeconds", s.mediaPositionUs() / 1e6);
    m.put("durationSeconds", s.durationUs() < 0 ? null : s.durationUs() / 1e6);
    m.put("detail", s.detail());
    m.put("lastGap", s.lastGap() == null ? null : gap(s.lastGap()));
    return m;
  }

  private static Map<String, Object> gap(StreamGap g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", g.length().toMillis() / 1000.0);
    m.put("reconnects", g.reconnects());
    m.put("cause", g.cause());
    return m;
  }

  /** One JSON line summarising how a stream ended. */
  public static String outcome(StreamOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stream", o.streamId());
    m.put("result", o.reason().name().toLowerCase(Locale.ROOT));
    m.putAll(counts(o.counts()));
    m.put("failure", o.failure() == null ? null : o.failure().tag());
    m.put("detail", o.detail());
    return JSON.writeValueAsString(m);
  }

  private static Map<String, Object> counts(StreamCounts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("framesDecoded", c.framesDecoded());
    m.put("framesSkipped", c.framesSkipped());
    m.put("framesSelected", c.framesSelected());
    m.put("framesPublished", c.framesPublished());
    m.put("framesDropped", c.framesDropped());
    m.put("framesCorrupt", c.framesCorrupt());
    m.put("readErrors", c.readErrors());
    m.put("reconnects", c.reconnects());
    m.put("gaps", c.gaps());
    return m;
  }
}
