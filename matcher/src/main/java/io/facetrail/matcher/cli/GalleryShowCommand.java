package io.facetrail.matcher.cli;

import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.gallery.UnknownPersonException;
import io.facetrail.runtime.text.DisplayText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail gallery show ID}: one person's record and codes (never the code bytes). */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a person: name, metadata, times, and each code's id, model and source.")
final class GalleryShowCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Person id")
  String personId;

  @Override
  public Integer call() {
    return gallery.with(
        g -> {
          PersonRecord r =
              g.record(personId).orElseThrow(() -> new UnknownPersonException(personId));
          var out = spec.commandLine().getOut();
          out.printf("id:       %s%n", DisplayText.safe(r.person().id()));
          out.printf("name:     %s%n", DisplayText.safe(r.person().name()));
          out.printf("metadata: %s%n", DisplayText.safe(r.person().metadata().toString()));
          out.printf("created:  %s%n", r.person().createdAt());
          out.printf("updated:  %s%n", r.person().updatedAt());
          out.printf("codes:    %d%n", r.codes().size());
          for (StoredCode c : r.codes()) {
            out.printf(
                "  %s\t%s\t%s\t%s%n",
                DisplayText.safe(c.codeId()),
                DisplayText.safe(c.modelId()),
                DisplayText.safe(c.source()),
                c.addedAt());
          }
          return 0;
        });
  }
}
