package io.facetrail.app.bench;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** One JSON object per result line on standard output, as every benchmark prints. */
final class BenchJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private BenchJson() {}

  static void print(Map<String, Object> line) {
    System.out.println(MAPPER.writeValueAsString(line));
    System.out.flush();
  }
}
