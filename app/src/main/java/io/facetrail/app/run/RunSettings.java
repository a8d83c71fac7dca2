package io.facetrail.app.run;

import io.facetrail.embedder.config.DetectionProfile;
import io.facetrail.matcher.gallery.GalleryTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an all-in-one run does.
 *
 * @param inputs files, folders of images, or stream URLs
 * @param gallery where persons are enrolled
 * @param enrolDir folder with one sub-folder of photos per person to enrol first, or null
 * @param json print identity events as JSON lines (exactly the identity topic's schema)
 * @param fps frames sampled per second of video
 * @param rate how often identity decisions may name a stranger
 * @param device {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}
 * @param workDir where the broker and the Streams state live (a temporary folder when null)
 * @param report HTML report to write at the end, or null
 * @param annotate annotated video to write (one file input), or folder for one per file input; null
 *     for none
 * @param detection how thoroughly faces are looked for
 * @param embeddingModel folder of a trained embedding model to run instead of v1 (the embedder's
 *     {@code faces.embeddingModel}; the matcher then counts it among the gallery's models), or null
 * @param galleryWait how long, once the inputs are processed, the run waits for an unreachable
 *     gallery before giving up on the decisions it holds back (and exiting non-zero)
 */
public record RunSettings(
    List<String> inputs,
    GalleryTarget gallery,
    Path enrolDir,
    boolean json,
    double fps,
    IdentityRate rate,
    String device,
    Path workDir,
    Path report,
    Path annotate,
    DetectionProfile detection,
    Path embeddingModel,
    Duration galleryWait) {
  /** The default of {@link #galleryWait()}. */
  public static final Duration GALLERY_WAIT = Duration.ofSeconds(60);

  public RunSettings {
    inputs = List.copyOf(inputs);
    if (galleryWait == null || galleryWait.isNegative()) {
      throw new IllegalArgumentException("the gallery wait must be zero or positive");
    }
  }

  /** A run that waits {@link #GALLERY_WAIT} for an unreachable gallery. */
  public RunSettings(
      List<String> inputs,
      GalleryTarget gallery,
      Path enrolDir,
      boolean json,
      double fps,
      IdentityRate rate,
      String device,
      Path workDir,
      Path report,
      Path annotate,
      DetectionProfile detection,
      Path embeddingModel) {
    this(
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
        GALLERY_WAIT);
  }

  /** A run with the accurate detection profile. */
  public RunSettings(
      List<String> inputs,
      GalleryTarget gallery,
      Path enrolDir,
      boolean json,
      double fps,
      IdentityRate rate,
      String device,
      Path workDir,
      Path report,
      Path annotate) {
    this(
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
        DetectionProfile.ACCURATE,
        null);
  }

  /** A run without an annotated video. */
  public RunSettings(
      List<String> inputs,
      GalleryTarget gallery,
      Path enrolDir,
      boolean json,
      double fps,
      IdentityRate rate,
      String device,
      Path workDir,
      Path report) {
    this(inputs, gallery, enrolDir, json, fps, rate, device, workDir, report, null);
  }
}
