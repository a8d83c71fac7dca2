package io.facetrail.app.index;

import io.facetrail.app.run.IdentityRate;
import io.facetrail.app.run.RunSettings;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.trained.ModelMetadata;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an indexing run does.
 *
 * @param inputs folders (searched recursively) and video files
 * @param gallery where persons are enrolled
 * @param enrolDir folder with one sub-folder of photos per person to enrol first, or null
 * @param out where timelines, faces and the report go
 * @param force index again even what is already indexed
 * @param fps frames analysed per second of video
 * @param rate how often identity decisions may name a stranger
 * @param device {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}
 * @param workDir where the broker and the Streams state live
 * @param embeddingModel folder of a trained embedding model to run instead of v1, or null
 * @param galleryWait as {@link RunSettings#galleryWait()}
 */
public record IndexSettings(
    List<Path> inputs,
    GalleryTarget gallery,
    Path enrolDir,
    Path out,
    boolean force,
    double fps,
    IdentityRate rate,
    String device,
    Path workDir,
    Path embeddingModel,
    Duration galleryWait) {
  public IndexSettings {
    inputs = List.copyOf(inputs);
  }

  /** Settings that wait {@link RunSettings#GALLERY_WAIT} for an unreachable gallery. */
  public IndexSettings(
      List<Path> inputs,
      GalleryTarget gallery,
      Path enrolDir,
      Path out,
      boolean force,
      double fps,
      IdentityRate rate,
      String device,
      Path workDir,
      Path embeddingModel) {
    this(
        inputs,
        gallery,
        enrolDir,
        out,
        force,
        fps,
        rate,
        device,
        workDir,
        embeddingModel,
        RunSettings.GALLERY_WAIT);
  }

  /**
   * The settings that shape a timeline; reads the trained model's id from its model.json.
   *
   * @throws UserFacingException when {@code --model} names no readable model
   */
  IndexedWith indexedWith() {
    if (embeddingModel == null) {
      return new IndexedWith(fps, rate.fpir(), rate.falseAcceptRate(), FacePipeline.MODEL_ID);
    }
    try {
      return new IndexedWith(
          fps, rate.fpir(), rate.falseAcceptRate(), ModelMetadata.read(embeddingModel).id());
    } catch (UncheckedIOException | IllegalArgumentException e) {
      // Checked before any video is looked at: the skip decision needs the model's id.
      throw new UserFacingException("--model " + embeddingModel + ": " + e.getMessage(), e);
    }
  }
}
