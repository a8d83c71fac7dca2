package io.facetrail.matcher.index;

/**
 * Which stored codes a query code may be compared with. Codes of different embedding models live in
 * different spaces; a newer model trained for harmonic embeddings can be declared compatible with
 * an older one (see the training issue), and plugs in here.
 */
@FunctionalInterface
public interface ModelCompatibility {
  /** Whether a query from {@code queryModel} may be compared with a code of {@code storedModel}. */
  boolean compatible(String queryModel, String storedModel);

  /** Only codes of the same model id are comparable (no harmonic models declared). */
  static ModelCompatibility sameModelOnly() {
    return String::equals;
  }
}
