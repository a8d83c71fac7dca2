package io.facetrail.app.index;

import io.facetrail.faces.pipeline.FacePipeline;

/**
 * The settings a timeline was made with. A different frame rate, false-accept rate or embedding
 * model makes a different timeline, so a video indexed with other settings is indexed again.
 *
 * @param fps frames analysed per second of video
 * @param falseAcceptRate the false-accept rate identity decisions were calibrated for
 * @param embeddingModel the embedding model's id; timelines written before the field existed were
 *     all made with v1, so a missing id reads as v1's
 */
public record IndexedWith(double fps, double falseAcceptRate, String embeddingModel) {
  public IndexedWith {
    if (embeddingModel == null) {
      embeddingModel = FacePipeline.MODEL_ID;
    }
  }
}
