package io.facetrail.matcher.cli;

import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.PersonLookup;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.text.DisplayText;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail gallery add PERSON PHOTO...}: more photos of a person already enrolled, named by
 * id or by exact name. A name several persons share is refused with their ids.
 */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Add photos to a person already in the gallery, named by id or by exact name (a name several"
          + " persons share is refused, listing their ids). Each photo needs exactly one face (or"
          + " --largest) of sufficient quality; a photo the person already has (the same file"
          + " content) is skipped as already enrolled. Every photo's outcome is reported.",
      "  facetrail gallery add \"Ada Lovelace\" ada3.jpg ada4.jpg",
      "  facetrail gallery add 5f0c...e1 ada3.jpg"
    },
    exitCodeListHeading = EnrolmentExitCodes.HEADING,
    exitCodeList = {
      EnrolmentExitCodes.DONE_LINE,
      EnrolmentExitCodes.FAILED_LINE,
      EnrolmentExitCodes.USAGE_LINE,
      EnrolmentExitCodes.PARTIAL_LINE,
      EnrolmentExitCodes.CONFIG_LINE
    })
final class GalleryAddCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Mixin EnrolmentOptions enrolment;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PERSON", description = "Person id or exact name")
  String person;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "PHOTO",
      description = "Photos of the person")
  List<Path> photos;

  @Override
  public Integer call() {
    EnrolmentPrinter printer = new EnrolmentPrinter(spec.commandLine().getOut());
    return gallery.with(
        g -> {
          // Found before the models load, so that a wrong name fails at once.
          Person p =
              PersonLookup.byIdOrName(g, person)
                  .orElseThrow(
                      () ->
                          new UserFacingException(
                              "no person with id or name '"
                                  + DisplayText.safe(person)
                                  + "' in the gallery (gallery enroll adds a new person)"));
          try (FaceAnalyzer analyzer = enrolment.openAnalyzer()) {
            Enroller enroller = enrolment.enroller(analyzer, g);
            printer.print(p.name(), enroller.enrolExisting(p.id(), photos));
          }
          return printer.exitCode();
        });
  }
}
