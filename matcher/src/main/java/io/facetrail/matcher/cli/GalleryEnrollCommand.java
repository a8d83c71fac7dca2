package io.facetrail.matcher.cli;

import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.PersonFolders;
import io.facetrail.matcher.gallery.PersonNames;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail gallery enroll}: one person from photos ({@code --name NAME PHOTO...}) or many
 * from a directory with one sub-folder per person ({@code --dir DIR}). A person already in the
 * gallery under exactly that name gets the new photos instead of a second record, so enrolling a
 * folder again adds only what is new. Reports every photo's outcome.
 */
@Command(
    name = "enroll",
    mixinStandardHelpOptions = true,
    description = {
      "Enrol persons from photos. Each photo needs exactly one face (or --largest) of sufficient"
          + " quality; every photo's outcome is reported.",
      "A person already in the gallery under exactly that name is not enrolled twice: the photos"
          + " are added to them, and a photo they already have (the same file content) is skipped"
          + " as already enrolled. So enrolling a folder again adds only its new photos.",
      "  facetrail gallery enroll --name \"Ada Lovelace\" ada1.jpg ada2.jpg",
      "  facetrail gallery enroll --dir staff/   (one sub-folder per person, named after them)",
      "Names are at most 200 characters without control characters or bidi overrides. Photos over"
          + " 40 megapixels or 256 MiB are refused as too_large before they are decoded. A photo"
          + " or person that fails is reported and the others are still enrolled."
    },
    exitCodeListHeading = EnrolmentExitCodes.HEADING,
    exitCodeList = {
      EnrolmentExitCodes.DONE_LINE,
      EnrolmentExitCodes.FAILED_LINE,
      EnrolmentExitCodes.USAGE_LINE,
      EnrolmentExitCodes.PARTIAL_LINE,
      EnrolmentExitCodes.CONFIG_LINE
    })
final class GalleryEnrollCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Mixin EnrolmentOptions enrolment;

  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--name", paramLabel = "NAME", description = "Name of the person to enrol")
    String name;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "One sub-folder of photos per person")
    Path dir;
  }

  @Parameters(paramLabel = "PHOTO", arity = "0..*", description = "Photos of the person (--name)")
  List<Path> photos = new ArrayList<>();

  @Override
  public Integer call() {
    if (source.name != null && photos.isEmpty()) {
      throw new UserFacingException("--name needs at least one PHOTO");
    }
    if (source.name != null) {
      // Before the models load: a name that cannot be stored fails at once.
      PersonNames.problem(source.name)
          .ifPresent(
              p -> {
                throw new UserFacingException("--name: " + p);
              });
    }
    if (source.dir != null && !photos.isEmpty()) {
      throw new UserFacingException("--dir takes no PHOTO arguments");
    }
    List<PersonFolders.PersonPhotos> batches =
        source.dir != null
            ? PersonFolders.read(source.dir)
            : List.of(new PersonFolders.PersonPhotos(source.name, photos));
    EnrolmentPrinter printer = new EnrolmentPrinter(spec.commandLine().getOut());
    try (FaceAnalyzer analyzer = enrolment.openAnalyzer()) {
      return gallery.with(
          g -> {
            Enroller enroller = enrolment.enroller(analyzer, g);
            // A person that fails is printed and the others are still enrolled; the exit code
            // tells.
            enroller.enrolEach(batches, printer::print);
            return printer.exitCode();
          });
    }
  }
}
