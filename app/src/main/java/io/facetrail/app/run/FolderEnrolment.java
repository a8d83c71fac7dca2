package io.facetrail.app.run;

import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.EnrolmentRules;
import io.facetrail.matcher.enrol.PersonFolders;
import io.facetrail.matcher.enrol.PersonFolders.PersonPhotos;
import io.facetrail.matcher.enrol.PhotoOutcome;
import io.facetrail.matcher.enrol.PipelineFaceAnalyzer;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Enrols the persons of an {@code --enroll} folder before a run. A person already in the gallery
 * under the same name gets no second record (so repeated runs do not duplicate anyone); photos are
 * reported one by one.
 */
final class FolderEnrolment {
  /** Enrolment photos should be good: frontal, sharp, large. */
  static final double MIN_QUALITY = 0.5;

  private FolderEnrolment() {}

  /** Enrols every person of {@code dir}; returns how many persons the gallery gained. */
  static int enrol(Path dir, FacePipeline pipeline, Gallery gallery, PrintStream report) {
    // The analyzer must not close the pipeline: the embedder keeps using it.
    PipelineFaceAnalyzer analyzer = new PipelineFaceAnalyzer(pipeline);
    Enroller enroller =
        new Enroller(analyzer, gallery, new EnrolmentRules(MIN_QUALITY, false), Clock.systemUTC());
    int added = 0;
    for (PersonPhotos p : PersonFolders.read(dir)) {
      Optional<Person> existing =
          gallery.persons().stream().filter(q -> p.name().equals(q.name())).findFirst();
      if (existing.isPresent()) {
        report.printf("enrol: %s is already in the gallery (%s)%n", p.name(), existing.get().id());
        continue;
      }
      Enroller.Result r = enroller.enrolNew(p.name(), p.photos());
      for (PhotoOutcome o : r.outcomes()) {
        if (!o.enrolled()) {
          report.printf(
              "enrol: %s: photo %s refused (%s: %s)%n",
              p.name(),
              o.photo().getFileName(),
              o.result().name().toLowerCase(Locale.ROOT),
              o.detail());
        }
      }
      long accepted = r.outcomes().stream().filter(PhotoOutcome::enrolled).count();
      if (r.person().isPresent()) {
        added++;
        report.printf(
            "enrol: %s enrolled from %d of %d photos%n", p.name(), accepted, p.photos().size());
      } else {
        report.printf("enrol: %s NOT enrolled: no photo was accepted%n", p.name());
      }
    }
    return added;
  }
}
