package io.facetrail.contracts.identity;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The published JSON Schema of the identity event, loaded once from the class path. */
public final class IdentityEventSchema {
  /** Class-path location of the schema file (also the file downstream teams receive). */
  public static final String RESOURCE = "/schemas/identity-event.v1.schema.json";

  private static final Schema SCHEMA = load();

  private IdentityEventSchema() {}

  /** Every violation of the schema by the given JSON document; empty when it conforms. */
  public static List<String> problems(JsonNode document) {
    return SCHEMA.validate(document).stream().map(IdentityEventSchema::describe).toList();
  }

  private static String describe(Error error) {
    return error.getInstanceLocation() + ": " + error.getMessage();
  }

  private static Schema load() {
    try (InputStream in = IdentityEventSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "identity event schema missing from the class path: " + RESOURCE);
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
