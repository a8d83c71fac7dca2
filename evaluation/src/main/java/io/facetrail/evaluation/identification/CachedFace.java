package io.facetrail.evaluation.identification;

import io.facetrail.faces.pipeline.AnalysedFace;

/**
 * What the evaluation keeps of a photo's face: what the embedder would send the matcher for it.
 * Holds face data: never log it.
 *
 * @param code the 128-byte code
 * @param quality the face quality, 0..1 (the matcher's aggregate weight)
 * @param embedding the L2-normalised float embedding
 */
record CachedFace(byte[] code, float quality, float[] embedding) {
  static CachedFace of(AnalysedFace f) {
    return new CachedFace(f.code(), f.quality(), f.embedding());
  }

  @Override
  public String toString() {
    return "CachedFace[quality=" + quality + "]";
  }
}
