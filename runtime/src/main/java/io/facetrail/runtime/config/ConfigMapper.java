package io.facetrail.runtime.config;

import java.time.Duration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The Jackson mapper configuration files are read with. */
final class ConfigMapper {
  private static final ObjectMapper MAPPER =
      YAMLMapper.builder()
          .addModule(
              new SimpleModule("facetrail-config")
                  .addDeserializer(Duration.class, new DurationDeserializer()))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private ConfigMapper() {}

  static ObjectMapper get() {
    return MAPPER;
  }

  private static final class DurationDeserializer extends ValueDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return ctxt.reportInputMismatch(
            Duration.class, "a duration needs a unit, e.g. 5s or 500ms");
      }
      try {
        return DurationParser.parse(p.getString());
      } catch (IllegalArgumentException e) {
        return ctxt.reportInputMismatch(Duration.class, e.getMessage());
      }
    }
  }
}
