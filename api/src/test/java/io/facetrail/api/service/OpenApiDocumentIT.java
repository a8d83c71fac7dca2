package io.facetrail.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document the server serves is valid OpenAPI 3.1 and describes exactly the routes the
 * server has: a route added without documenting it, or documented and gone, fails here.
 */
class OpenApiDocumentIT {
  @TempDir Path dir;

  @Test
  void theServedDocumentIsValidAndMatchesEveryRoute() {
    try (ApiTestServer api = new ApiTestServer(dir, Map.of("indexDir", dir.toString()))) {
      String yaml = api.get("/api/v1/openapi.yaml", null).raw().body();
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
      assertThat(parsed.getMessages()).as("problems of the document").isEmpty();
      OpenAPI doc = parsed.getOpenAPI();
      assertThat(doc.getOpenapi()).startsWith("3.1");

      Set<String> documented = new TreeSet<>();
      doc.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .keySet()
                      .forEach(
                          (PathItem.HttpMethod m) ->
                              documented.add(m.name().toUpperCase(Locale.ROOT) + " " + path)));
      Set<String> served = new TreeSet<>(api.service.routes());
      assertThat(served).as("routes not in the document").isSubsetOf(documented);
      assertThat(documented).as("documented routes the server lacks").isSubsetOf(served);
    }
  }
}
