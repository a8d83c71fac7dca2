package io.facetrail.matcher.index;

import io.facetrail.faces.trained.ModelMetadata;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which stored codes a query code may be compared with. Codes of different embedding models live in
 * different spaces unless a model was trained for harmonic embeddings and its {@code model.json}
 * declares the other model in {@code compatibleWith}.
 */
@FunctionalInterface
public interface ModelCompatibility {
  /** Whether a query from {@code queryModel} may be compared with a code of {@code storedModel}. */
  boolean compatible(String queryModel, String storedModel);

  /** Only codes of the same model id are comparable (no harmonic models declared). */
  static ModelCompatibility sameModelOnly() {
    return String::equals;
  }

  /**
   * Equal ids, or a pair that either model's metadata declares compatible. Either side suffices: a
   * v2 model declares v1 (v1 predates it and declares nothing), and the comparison is symmetric.
   *
   * @throws IllegalArgumentException when two entries share a model id (which one would count?)
   */
  static ModelCompatibility declared(Collection<ModelMetadata> models) {
    Map<String, ModelMetadata> byId = new HashMap<>();
    for (ModelMetadata m : models) {
      if (byId.putIfAbsent(m.id(), m) != null) {
        throw new IllegalArgumentException("model " + m.id() + " is declared twice");
      }
    }
    return (query, stored) ->
        query.equals(stored)
            || declares(byId.get(query), stored)
            || declares(byId.get(stored), query);
  }

  private static boolean declares(ModelMetadata m, String other) {
    return m != null && m.compatibleWith().contains(other);
  }

  /** Both this and {@code other} allow the pair. */
  default ModelCompatibility and(ModelCompatibility other) {
    return (query, stored) -> compatible(query, stored) && other.compatible(query, stored);
  }
}
