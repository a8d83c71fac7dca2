package io.facetrail.api.server;

import io.javalin.json.JsonMapper;
import java.io.InputStream;
import java.lang.reflect.Type;
import tools.jackson.databind.json.JsonMapper.Builder;

/**
 * Javalin's JSON through FaceTrail's Jackson 3 (Javalin 6 would otherwise look for Jackson 2, which
 * this project does not use).
 */
final class JacksonMapper implements JsonMapper {
  private final tools.jackson.databind.json.JsonMapper json;

  JacksonMapper() {
    Builder b = tools.jackson.databind.json.JsonMapper.builder().findAndAddModules();
    this.json = b.build();
  }

  @Override
  public String toJsonString(Object obj, Type type) {
    return json.writeValueAsString(obj);
  }

  @Override
  public <T> T fromJsonString(String text, Type type) {
    return json.readValue(text, json.constructType(type));
  }

  @Override
  public <T> T fromJsonStream(InputStream in, Type type) {
    return json.readValue(in, json.constructType(type));
  }
}
