package io.facetrail.matcher.cli;

import io.facetrail.matcher.gallery.ImportProblem;
import io.facetrail.runtime.cli.UserFacingException;
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
 * {@code facetrail gallery import FILE}: reads and checks a whole export first (every record's
 * format, ids and name, duplicate person and code ids, the store's own rules) and refuses it,
 * naming every bad line, if anything is wrong, so a bad file changes nothing.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import an export file; persons keep their ids (an existing person with the same id is"
            + " replaced). The whole file is checked before anything is written: a malformed"
            + " record, an empty id or one with control characters, a person or code id that"
            + " occurs twice, or an invalid name refuses the whole file, naming every bad line.",
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
    ImportFile parsed = ImportFile.read(file);
    return gallery.with(
        g -> {
          List<String> problems = new ArrayList<>(parsed.problems());
          for (ImportProblem p : g.importProblems(parsed.records())) {
            problems.add(
                "line "
                    + parsed.lines().get(p.index())
                    + ": "
                    + p.describe(i -> "line " + parsed.lines().get(i)));
          }
          if (!problems.isEmpty()) {
            throw new UserFacingException(ImportFile.refusal(file, problems));
          }
          g.importPersons(parsed.records());
          spec.commandLine()
              .getOut()
              .printf("imported %d persons from %s%n", parsed.records().size(), file);
          return EnrolmentExitCodes.DONE;
        });
  }
}
