package io.facetrail.app.index;

import io.facetrail.app.run.IdentityRate;
import io.facetrail.app.run.RunPlan;
import io.facetrail.app.run.RunSettings;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.trained.ModelMetadata;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an indexing run does.
 *
 * @param inputs folders (searched recursively) and video files
 * @param out where timelines, faces and the report go
 * @param force index again even what is already indexed
 * @param pipeline how the videos run through the pipeline (gallery, enrolment, frames per second,
 *     identity rate, device, model, work folder), as in {@code facetrail run}; its own inputs are
 *     not used
 */
public record IndexSettings(List<Path> inputs, Path out, boolean force, RunSettings pipeline) {
  public IndexSettings {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(pipeline, "pipeline");
  }

  /**
   * The settings that shape a timeline; reads the trained model's id from its model.json.
   *
   * @throws UserFacingException when {@code --model} names no readable model
   * @throws io.facetrail.runtime.config.InvalidConfigurationException when the run's configuration
   *     is invalid
   */
  IndexedWith indexedWith() {
    double fps = pipeline.fps();
    // The effective settings (--config, FACETRAIL_*, --set and the options), not only the options.
    RunPlan plan = RunPlan.beforeStart(pipeline, System.getenv());
    IdentityRate rate = IdentityRate.of(plan.matcher().decision());
    Path embeddingModel = plan.embedder().faces().embeddingModel();
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
