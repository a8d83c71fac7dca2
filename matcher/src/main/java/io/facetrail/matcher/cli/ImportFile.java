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

/**
 * An export file as {@code gallery import} reads it: every record that parses, the line each came
 * from, and a problem per line that does not parse (all lines are read, so that one refusal names
 * every bad line).
 *
 * @param records the records that parsed, in file order
 * @param lines the 1-based line of each record
 * @param problems {@code line N: what is wrong} for each line that did not parse
 */
record ImportFile(List<PersonRecord> records, List<Integer> lines, List<String> problems) {
  /** How many problems a refusal lists before it only counts the rest. */
  static final int LISTED_PROBLEMS = 50;

  /**
   * Reads {@code file}.
   *
   * @throws UserFacingException when it cannot be read or is no gallery export at all
   */
  static ImportFile read(Path file) {
    List<String> text;
    try {
      text = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserFacingException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (text.isEmpty() || !text.get(0).trim().equals(GalleryExportCommand.HEADER)) {
      throw new UserFacingException(
          file
              + " is not a FaceTrail gallery export (line 1 must be "
              + GalleryExportCommand.HEADER
              + ")");
    }
    List<PersonRecord> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < text.size(); i++) {
      if (text.get(i).isBlank()) {
        continue;
      }
      try {
        records.add(GalleryJson.read(text.get(i)));
        lines.add(i + 1);
      } catch (IllegalArgumentException e) {
        problems.add("line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return new ImportFile(records, lines, problems);
  }

  /** The message refusing {@code file} for {@code problems}. */
  static String refusal(Path file, List<String> problems) {
    StringBuilder b =
        new StringBuilder()
            .append(file)
            .append(": ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append(", nothing was imported");
    problems.stream().limit(LISTED_PROBLEMS).forEach(p -> b.append("\n  - ").append(p));
    if (problems.size() > LISTED_PROBLEMS) {
      b.append("\n  ... and ").append(problems.size() - LISTED_PROBLEMS).append(" more");
    }
    return b.toString();
  }
}
