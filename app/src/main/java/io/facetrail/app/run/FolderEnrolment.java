package io.facetrail.app.run;

import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.EnrolmentRules;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.PersonFolders;
import io.facetrail.matcher.enrol.PhotoOutcome;
import io.facetrail.matcher.enrol.PipelineFaceAnalyzer;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Enrols the persons of an {@code --enroll} folder before a run, as {@code gallery enroll --dir}
 * does: a person already in the gallery under the same name gets only the photos it does not have
 * yet (so repeated runs duplicate nobody), and every refused, failed or skipped photo is reported.
 */
final class FolderEnrolment {
  /** Enrolment photos should be good: frontal, sharp, large. */
  static final double MIN_QUALITY = 0.5;

  private FolderEnrolment() {}

  /** Enrols every person of {@code dir}; returns how many persons the gallery gained. */
  static int enrol(Path dir, FacePipeline pipeline, Gallery gallery, PrintStream report) {
    // The analyzer must not close the pipeline: the embedder keeps using it.
    return enrol(dir, new PipelineFaceAnalyzer(pipeline), gallery, report);
  }

  /**
   * Enrols every person of {@code dir} with the faces {@code analyzer} finds. A person or photo
   * that fails is reported and the others are still enrolled; names and file names are printed
   * safely.
   */
  static int enrol(Path dir, FaceAnalyzer analyzer, Gallery gallery, PrintStream report) {
    Enroller enroller =
        new Enroller(analyzer, gallery, new EnrolmentRules(MIN_QUALITY, false), Clock.systemUTC());
    int[] added = {0};
    enroller.enrolEach(
        PersonFolders.read(dir),
        p -> {
          String name = DisplayText.safe(p.name());
          if (p.failedAsAWhole()) {
            report.printf("enrol: %s NOT enrolled: %s%n", name, DisplayText.safe(p.failure()));
            return;
          }
          Enroller.Result r = p.result();
          for (PhotoOutcome o : r.outcomes()) {
            if (o.refused() || o.failed()) {
              report.printf(
                  "enrol: %s: photo %s %s (%s: %s)%n",
                  name,
                  DisplayText.safe(o.photo().getFileName().toString()),
                  o.failed() ? "failed" : "refused",
                  o.result().name().toLowerCase(Locale.ROOT),
                  DisplayText.safe(o.detail()));
            }
          }
          report.printf("enrol: %s %s%n", name, summary(r, p.photos().size()));
          added[0] += r.created() ? 1 : 0;
        });
    return added[0];
  }

  private static String summary(Enroller.Result r, int photos) {
    if (r.person().isEmpty()) {
      return "NOT enrolled: no photo was accepted";
    }
    String already = r.alreadyEnrolled() == 0 ? "" : ", " + r.alreadyEnrolled() + " already";
    if (r.created()) {
      return "enrolled from " + r.enrolled() + " of " + photos + " photos";
    }
    return "is already in the gallery ("
        + r.person().get().id()
        + "): "
        + r.enrolled()
        + " of "
        + photos
        + " photos added"
        + already;
  }
}
