package io.facetrail.matcher.cli;

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
    description = "Give a person a new name.")
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
          g.rename(personId, name);
          spec.commandLine().getOut().printf("renamed %s%n", personId);
          return 0;
        });
  }
}
