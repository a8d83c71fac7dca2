package io.facetrail.app.index;

import io.facetrail.faces.pipeline.FacePipeline;

/**
 * What a timeline was made with. A different frame rate, identity rate or embedding model makes a
 * different timeline, and so does another state of the gallery (a person enrolled, renamed or
 * erased since), so a video indexed with other settings or against another gallery version is
 * indexed again.
 *
 * @param fps frames analysed per second of video
 * @param fpir the false-positive identification rate per decision; timelines written before it
 *     existed read 0 (they were decided at a fixed false-accept rate) and are indexed again
 * @param falseAcceptRate the fixed per-comparison false-accept rate when one was set, else null
 * @param embeddingModel the embedding model's id; timelines written before the field existed were
 *     all made with v1, so a missing id reads as v1's
 * @param gallery the gallery version the identities were decided against ({@link
 *     io.facetrail.matcher.gallery.GalleryVersion#text()}); null when not known (timelines written
 *     before it was recorded), which matches no gallery, so they are indexed again
 */
public record IndexedWith(
    double fps, double fpir, Double falseAcceptRate, String embeddingModel, String gallery) {
  public IndexedWith {
    if (embeddingModel == null) {
      embeddingModel = FacePipeline.MODEL_ID;
    }
  }

  /** Settings with no gallery version yet. */
  public IndexedWith(double fps, double fpir, Double falseAcceptRate, String embeddingModel) {
    this(fps, fpir, falseAcceptRate, embeddingModel, null);
  }

  /** These settings, decided against gallery version {@code version} (null: not known). */
  public IndexedWith atGallery(String version) {
    return new IndexedWith(fps, fpir, falseAcceptRate, embeddingModel, version);
  }

  /** Whether the settings other than the gallery version are the same. */
  boolean sameSettingsAs(IndexedWith other) {
    return other != null && atGallery(null).equals(other.atGallery(null));
  }
}
