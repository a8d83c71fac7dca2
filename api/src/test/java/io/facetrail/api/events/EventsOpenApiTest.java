package io.facetrail.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The events block of the OpenAPI document is valid OpenAPI 3.1 and names every events route. */
class EventsOpenApiTest {
  @Test
  void documentsEveryEventsRoute() throws IOException {
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("/io/facetrail/api/server/openapi.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SwaggerParseResult r = new OpenAPIParser().readContents(yaml, null, null);
    assertThat(r.getMessages()).isEmpty();
    assertThat(r.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(r.getOpenAPI().getPaths())
        .containsKeys(
            "/api/v1/events",
            "/api/v1/events/live",
            "/api/v1/tracks/{trackId}/thumbnail.jpg",
            "/api/v1/cameras");
  }
}
