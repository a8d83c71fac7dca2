package io.facetrail.matcher.cli;

import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.runtime.text.DisplayText;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code facetrail gallery list}: every enrolled person. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List enrolled persons: id, name, number of codes, models.")
final class GalleryListCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return gallery.with(
        g -> {
          var out = spec.commandLine().getOut();
          var records =
              g.snapshot().stream()
                  .sorted(
                      Comparator.comparing((PersonRecord r) -> r.person().name())
                          .thenComparing(r -> r.person().id()))
                  .toList();
          for (PersonRecord r : records) {
            out.printf(
                "%s\t%s\t%d codes\t%s%n",
                DisplayText.safe(r.person().id()),
                DisplayText.safe(r.person().name()),
                r.codes().size(),
                DisplayText.safe(
                    String.join(
                        ",",
                        r.codes().stream().map(c -> c.modelId()).distinct().sorted().toList())));
          }
          out.printf("%d persons%n", records.size());
          return 0;
        });
  }
}
