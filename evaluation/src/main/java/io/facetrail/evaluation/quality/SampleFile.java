package io.facetrail.evaluation.quality;

import io.facetrail.runtime.cli.UserFacingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The coded samples as JSON lines, so that a rerun buckets and reports without the models. */
final class SampleFile {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SampleFile() {}

  static List<SampleRow> read(Path file) {
    List<SampleRow> rows = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          rows.add(MAPPER.readValue(line, SampleRow.class));
        }
      }
    } catch (IOException | JacksonException e) {
      throw new UserFacingException("cannot read the samples file " + file + ": " + e, e);
    }
    return rows;
  }

  /** Appends rows to the file, creating it (and its folder) first. */
  static void append(Path file, List<SampleRow> rows) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (BufferedWriter w =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.APPEND)) {
        for (SampleRow r : rows) {
          w.write(MAPPER.writeValueAsString(r));
          w.newLine();
        }
      }
    } catch (IOException e) {
      throw new UserFacingException("cannot write the samples file " + file + ": " + e, e);
    }
  }
}
