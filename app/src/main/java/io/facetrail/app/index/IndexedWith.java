package io.facetrail.app.index;

import io.facetrail.faces.pipeline.FacePipeline;

/**
 * The settings a timeline was made with. A different frame rate, identity rate or embedding model
 * makes a different timeline, so a video indexed with other settings is indexed again.
 *
 * @param fps frames analysed per second of video
 * @param fpir the false-positive identification rate per decision; timelines written before it
 *     existed read 0 (they were decided at a fixed false-accept rate) and are indexed again
 * @param falseAcceptRate the fixed per-comparison false-accept rate when one was set, else null
 * @param embeddingModel the embedding model's id; timelines written before the field existed were
 *     all made with v1, so a missing id reads as v1's
 */
public record IndexedWith(double fps, double fpir, Double falseAcceptRate, String embeddingModel) {
  public IndexedWith {
    if (embeddingModel == null) {
      embeddingModel = FacePipeline.MODEL_ID;
    }
  }
}
