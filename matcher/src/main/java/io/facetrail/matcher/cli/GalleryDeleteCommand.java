package io.facetrail.matcher.cli;

import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.text.DisplayText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail gallery delete ID}: erasure of a person and every code, in one step. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Erase a person: their record and every face code, atomically.",
      "Matchers drop them from their index on the next change-feed poll; later identity events"
          + " carry no name for them. Their tracks in the track archive beside the gallery are"
          + " erased too (by the matcher service using it, when it is in use)."
    })
final class GalleryDeleteCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Mixin ArchiveOptions archive;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Person id")
  String personId;

  /** Erases the person's archived tracks now, or says who will when the archive is in use. */
  private void eraseArchived() {
    var err = spec.commandLine().getErr();
    try (TrackArchive a = archive.open(gallery, err).orElse(null)) {
      if (a != null) {
        spec.commandLine().getOut().printf("erased %d archived tracks%n", a.erasePerson(personId));
      }
    } catch (UserFacingException | ArchiveUnavailableException e) {
      err.println(
          "facetrail: the track archive could not be opened ("
              + e.getMessage()
              + "): the matcher service using it erases the person's tracks on its next gallery"
              + " poll; a run's archive is cleaned by `facetrail archive redecide` once the run"
              + " ended");
    }
  }

  @Override
  public Integer call() {
    return gallery.with(
        g -> {
          if (!g.erase(personId)) {
            throw new UserFacingException(
                "no person with id " + DisplayText.safe(personId) + " in the gallery");
          }
          spec.commandLine().getOut().printf("erased %s%n", DisplayText.safe(personId));
          eraseArchived();
          return 0;
        });
  }
}
