package io.facetrail.matcher.cli;

import io.facetrail.matcher.cluster.Cluster;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A cluster as one JSON object (ids, counts and times only: never codes). */
final class ClusterJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ClusterJson() {}

  static String of(Cluster c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clusterId", c.id());
    m.put("tracks", c.size());
    m.put("streams", c.streams().stream().sorted().toList());
    m.put("goodFrames", c.goodFrames());
    m.put("firstArchived", c.firstArchived().toString());
    m.put("lastArchived", c.lastArchived().toString());
    m.put("trackIds", c.trackIds());
    return JSON.writeValueAsString(m);
  }
}
