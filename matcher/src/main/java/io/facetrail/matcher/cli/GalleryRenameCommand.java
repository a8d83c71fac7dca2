package io.facetrail.matcher.cli;

import io.facetrail.matcher.gallery.PersonNames;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.text.DisplayText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail gallery rename ID NAME}. */
@Command(
    name = "rename",
    mixinStandardHelpOptions = true,
    description =
        "Give a person a new name (at most 200 characters, without control characters or bidi"
            + " overrides).")
final class GalleryRenameCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "Person id")
  String personId;

  @Parameters(index = "1", paramLabel = "NAME", description = "New display name")
  String name;

  @Override
  public Integer call() {
    return gallery.with(
        g -> {
          PersonNames.problem(name)
              .ifPresent(
                  p -> {
                    throw new UserFacingException("NAME: " + p);
                  });
          g.rename(personId, name);
          spec.commandLine().getOut().printf("renamed %s%n", DisplayText.safe(personId));
          return 0;
        });
  }
}
