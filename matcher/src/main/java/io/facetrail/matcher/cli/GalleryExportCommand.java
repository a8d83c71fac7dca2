package io.facetrail.matcher.cli;

import io.facetrail.matcher.gallery.GalleryJson;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail gallery export FILE}: every person with codes, as JSON lines. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export the gallery to FILE: a header line, then one JSON object per person with codes.",
      "The file holds biometric data: protect it like the gallery itself."
    })
final class GalleryExportCommand implements Callable<Integer> {
  static final String HEADER = "{\"format\":\"facetrail-gallery\",\"version\":1}";

  @Mixin GalleryOptions gallery;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Output file (overwritten)")
  Path file;

  @Override
  public Integer call() {
    return gallery.with(
        g -> {
          List<PersonRecord> all = g.snapshot();
          try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.newLine();
            for (PersonRecord r : all) {
              w.write(GalleryJson.write(r));
              w.newLine();
            }
          } catch (IOException e) {
            throw new UserFacingException("cannot write " + file + ": " + e.getMessage(), e);
          }
          int codes = all.stream().mapToInt(r -> r.codes().size()).sum();
          spec.commandLine()
              .getOut()
              .printf("exported %d persons, %d codes to %s%n", all.size(), codes, file);
          return 0;
        });
  }
}
