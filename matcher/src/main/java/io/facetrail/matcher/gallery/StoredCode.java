package io.facetrail.matcher.gallery;

import io.facetrail.contracts.code.FaceCode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One enrolled face code of a person. The model id travels with every code: codes of different
 * embedding models are not comparable unless declared compatible.
 *
 * @param codeId unique within the gallery
 * @param modelId the embedding model that produced the code
 * @param code the 128-byte quantised embedding ({@link FaceCode})
 * @param source where it came from (a photo's file name, an import), for audits
 * @param addedAt when it was enrolled
 */
public record StoredCode(
    String codeId, String modelId, byte[] code, String source, Instant addedAt) {
  public StoredCode {
    Objects.requireNonNull(codeId, "codeId");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(addedAt, "addedAt");
    if (code.length != FaceCode.DIMENSIONS) {
      throw new IllegalArgumentException(
          "a face code has " + FaceCode.DIMENSIONS + " bytes, got " + code.length);
    }
    if (modelId.isBlank()) {
      throw new IllegalArgumentException("model id is empty");
    }
    code = code.clone();
    source = source == null ? "" : source;
  }

  @Override
  public byte[] code() {
    return code.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredCode c
        && c.codeId.equals(codeId)
        && c.modelId.equals(modelId)
        && Arrays.equals(c.code, code)
        && c.source.equals(source)
        && c.addedAt.equals(addedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(codeId, modelId, Arrays.hashCode(code), source, addedAt);
  }

  /** Never prints the code itself: it is biometric data. */
  @Override
  public String toString() {
    return "StoredCode[" + codeId + ", model " + modelId + "]";
  }
}
