package io.facetrail.matcher.cli;

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
          + " carry no name for them."
    })
final class GalleryDeleteCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Person id")
  String personId;

  @Override
  public Integer call() {
    return gallery.with(
        g -> {
          if (!g.erase(personId)) {
            throw new UserFacingException(
                "no person with id " + DisplayText.safe(personId) + " in the gallery");
          }
          spec.commandLine().getOut().printf("erased %s%n", DisplayText.safe(personId));
          return 0;
        });
  }
}
