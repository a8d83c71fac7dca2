package io.facetrail.matcher.cli;

import io.facetrail.matcher.gallery.GalleryJson;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail gallery import FILE}: reads a whole export first and refuses it, naming the
 * line, if any record is invalid, so a bad file changes nothing.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import an export file; persons keep their ids (an existing person with the same id is"
            + " replaced). The whole file is checked before anything is written.",
    exitCodeListHeading = EnrolmentExitCodes.HEADING,
    exitCodeList = {
      EnrolmentExitCodes.IMPORT_DONE_LINE,
      EnrolmentExitCodes.IMPORT_FAILED_LINE,
      EnrolmentExitCodes.USAGE_LINE,
      EnrolmentExitCodes.CONFIG_LINE
    })
final class GalleryImportCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A file written by gallery export")
  Path file;

  @Override
  public Integer call() {
    List<PersonRecord> records = read(file);
    return gallery.with(
        g -> {
          for (PersonRecord r : records) {
            g.importPerson(r);
          }
          spec.commandLine().getOut().printf("imported %d persons from %s%n", records.size(), file);
          return EnrolmentExitCodes.DONE;
        });
  }

  static List<PersonRecord> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserFacingException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).trim().equals(GalleryExportCommand.HEADER)) {
      throw new UserFacingException(
          file
              + " is not a FaceTrail gallery export (line 1 must be "
              + GalleryExportCommand.HEADER
              + ")");
    }
    List<PersonRecord> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        out.add(GalleryJson.read(lines.get(i)));
      } catch (IllegalArgumentException e) {
        throw new UserFacingException(
            file + " line " + (i + 1) + ": " + e.getMessage() + "; nothing was imported", e);
      }
    }
    return out;
  }
}
