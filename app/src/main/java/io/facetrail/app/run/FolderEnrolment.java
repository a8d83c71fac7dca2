package io.facetrail.app.run;

import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.matcher.enrol.AmbiguousPersonException;
import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.EnrolmentRules;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.PersonFolders;
import io.facetrail.matcher.enrol.PersonFolders.PersonPhotos;
import io.facetrail.matcher.enrol.PhotoOutcome;
import io.facetrail.matcher.enrol.PipelineFaceAnalyzer;
import io.facetrail.matcher.gallery.Gallery;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Enrols the persons of an {@code --enroll} folder before a run, as {@code gallery enroll --dir}
 * does: a person already in the gallery under the same name gets only the photos it does not have
 * yet (so repeated runs duplicate nobody), and every refused or skipped photo is reported.
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

  /** Enrols every person of {@code dir} with the faces {@code analyzer} finds. */
  static int enrol(Path dir, FaceAnalyzer analyzer, Gallery gallery, PrintStream report) {
    Enroller enroller =
        new Enroller(analyzer, gallery, new EnrolmentRules(MIN_QUALITY, false), Clock.systemUTC());
    int added = 0;
    for (PersonPhotos p : PersonFolders.read(dir)) {
      Enroller.Result r;
      try {
        r = enroller.enrolByName(p.name(), p.photos());
      } catch (AmbiguousPersonException e) {
        report.printf("enrol: %s NOT enrolled: %s%n", p.name(), e.getMessage());
        continue;
      }
      for (PhotoOutcome o : r.outcomes()) {
        if (o.refused()) {
          report.printf(
              "enrol: %s: photo %s refused (%s: %s)%n",
              p.name(),
              o.photo().getFileName(),
              o.result().name().toLowerCase(Locale.ROOT),
              o.detail());
        }
      }
      report.printf("enrol: %s %s%n", p.name(), summary(r, p.photos().size()));
      added += r.created() ? 1 : 0;
    }
    return added;
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
