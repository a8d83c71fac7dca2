package io.facetrail.app.run;

import io.facetrail.embedder.config.DetectionProfile;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.gallery.GalleryTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an all-in-one run does.
 *
 * @param inputs files, folders of images, or stream URLs
 * @param gallery where persons are enrolled
 * @param enrolDir folder with one sub-folder of photos per person to enrol first, or null
 * @param json print identity events as JSON lines (exactly the identity topic's schema)
 * @param fps frames sampled per second of video
 * @param rate how often identity decisions may name a stranger ({@code --fpir}, {@code --far}):
 *     over {@code matcher.decision}; its parts that are null leave the configuration's
 * @param device where the face models run ({@code --device}, parsed once), over {@code
 *     embedder.faces.device}; null: the configuration's
 * @param workDir where the broker and the Streams state live (a temporary folder when null)
 * @param report HTML report to write at the end, or null
 * @param annotate annotated video to write (one file input), or folder for one per file input; null
 *     for none
 * @param detection how thoroughly faces are looked for: its {@code faces.*} settings over the
 *     configuration's
 * @param embeddingModel folder of a trained embedding model to run instead of v1 (over the
 *     embedder's {@code faces.embeddingModel}; the matcher then counts it among the gallery's
 *     models), or null for the configuration's
 * @param galleryWait how long, once the inputs are processed, the run waits for an unreachable
 *     gallery before giving up on the decisions it holds back (and exiting non-zero)
 * @param config the stages' configuration file and {@code --set} settings ({@link RunConfig}); the
 *     options above win over them
 */
public record RunSettings(
    List<String> inputs,
    GalleryTarget gallery,
    Path enrolDir,
    boolean json,
    double fps,
    IdentityRate rate,
    DeviceSetting device,
    Path workDir,
    Path report,
    Path annotate,
    DetectionProfile detection,
    Path embeddingModel,
    Duration galleryWait,
    RunConfigSource config) {
  /** The default of {@link #galleryWait()}. */
  public static final Duration GALLERY_WAIT = Duration.ofSeconds(60);

  public RunSettings {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(gallery, "gallery");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(config, "config");
    if (galleryWait == null || galleryWait.isNegative()) {
      throw new IllegalArgumentException("the gallery wait must be zero or positive");
    }
  }

  /** A builder: the gallery and the work folder must be set, everything else has a default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link RunSettings} by name. Required: {@code set*}; optional, with the defaults of
   * {@code facetrail run}: {@code opt*}.
   */
  public static final class Builder {
    private List<String> inputs = List.of();
    private GalleryTarget gallery;
    private Path enrolDir;
    private boolean json;
    private double fps = 5;
    private IdentityRate rate = IdentityRate.defaults();
    private DeviceSetting device;
    private Path workDir;
    private Path report;
    private Path annotate;
    private DetectionProfile detection = DetectionProfile.ACCURATE;
    private Path embeddingModel;
    private Duration galleryWait = GALLERY_WAIT;
    private RunConfigSource config = RunConfigSource.none();

    private Builder() {}

    public Builder setGallery(GalleryTarget value) {
      gallery = value;
      return this;
    }

    public Builder setWorkDir(Path value) {
      workDir = value;
      return this;
    }

    /** Inputs to start with the run (default: none, started one by one by the caller). */
    public Builder optInputs(List<String> value) {
      inputs = value;
      return this;
    }

    public Builder optEnrolDir(Path value) {
      enrolDir = value;
      return this;
    }

    public Builder optJson(boolean value) {
      json = value;
      return this;
    }

    /** Default: 5 frames per second. */
    public Builder optFps(double value) {
      fps = value;
      return this;
    }

    /** Default: {@link IdentityRate#defaults()} (the configuration's). */
    public Builder optRate(IdentityRate value) {
      rate = value;
      return this;
    }

    /** Default: the configuration's ({@code embedder.faces.device}, {@code auto}). */
    public Builder optDevice(DeviceSetting value) {
      device = value;
      return this;
    }

    public Builder optReport(Path value) {
      report = value;
      return this;
    }

    public Builder optAnnotate(Path value) {
      annotate = value;
      return this;
    }

    /** Default: {@link DetectionProfile#ACCURATE}. */
    public Builder optDetection(DetectionProfile value) {
      detection = value;
      return this;
    }

    public Builder optEmbeddingModel(Path value) {
      embeddingModel = value;
      return this;
    }

    /** Default: {@link #GALLERY_WAIT}. */
    public Builder optGalleryWait(Duration value) {
      galleryWait = value;
      return this;
    }

    /** Default: {@link RunConfigSource#none()}. */
    public Builder optConfig(RunConfigSource value) {
      config = value;
      return this;
    }

    /**
     * The settings.
     *
     * @throws NullPointerException when the gallery or the work folder was not set
     */
    public RunSettings build() {
      return new RunSettings(
          inputs,
          gallery,
          enrolDir,
          json,
          fps,
          rate,
          device,
          workDir,
          report,
          annotate,
          detection,
          embeddingModel,
          galleryWait,
          config);
    }
  }
}
