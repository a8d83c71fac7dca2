package io.facetrail.deploy.compose;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.keyword.UnknownKeywordFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The Compose Specification's JSON Schema (see NOTICE.md next to the schema file). */
final class ComposeSchema {
  private static final String RESOURCE = "compose-spec.schema.json";

  /**
   * The dialect the schema names in {@code $schema} (draft 2019-09, written with a trailing {@code
   * #}). The schema still carries draft-04 style {@code id} members, which 2019-09 does not know:
   * they are ignored as annotations, as the Compose tools do, instead of failing the load.
   */
  private static final Dialect DIALECT =
      Dialect.builder(Dialects.getDraft201909())
          .keyword(new NonValidationKeyword("id"))
          .unknownKeywordFactory(UnknownKeywordFactory.getInstance())
          .build();

  private static final Schema SCHEMA = load();

  private ComposeSchema() {}

  /** Every violation in {@code compose} (a parsed Compose file); empty when it conforms. */
  static List<String> problems(JsonNode compose) {
    return SCHEMA.validate(compose).stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .toList();
  }

  private static Schema load() {
    try (InputStream in = ComposeSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      return SchemaRegistry.withDialect(DIALECT).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
