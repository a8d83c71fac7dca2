package io.facetrail.matcher.trained;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.trained.ModelMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One trained model folder as the matcher reads it: {@code model.json} and the calibration tables
 * present. {@code calibration.json} holds the thresholds of the model's codes against its own
 * codes; {@code calibration-<otherModelId>.json} those of its codes against {@code otherModelId}'s.
 * Every table is read at start-up, so a malformed one stops the matcher before it decides anything
 * (a table added later takes effect at the next start).
 *
 * @param folder where the model lives
 * @param metadata its {@code model.json}
 * @param tables the tables present, keyed by the model compared with (its own id for {@code
 *     calibration.json})
 */
public record ModelFolder(
    Path folder, ModelMetadata metadata, Map<String, CalibrationTable> tables) {
  /** The table of the model's codes against its own. */
  public static final String OWN_TABLE = "calibration.json";

  private static final String PREFIX = "calibration-";
  private static final String SUFFIX = ".json";

  public ModelFolder {
    tables = Map.copyOf(tables);
  }

  /** The file name of the table of a model's codes against {@code otherModelId}'s codes. */
  public static String crossTableName(String otherModelId) {
    return PREFIX + otherModelId + SUFFIX;
  }

  /**
   * Reads a folder.
   *
   * @throws IllegalArgumentException when {@code model.json} is missing or invalid, or a table is
   *     malformed or names the model's own id (its own table is {@code calibration.json})
   * @throws UncheckedIOException when the folder cannot be read
   */
  public static ModelFolder read(Path folder) {
    if (!Files.isRegularFile(folder.resolve(ModelMetadata.FILE_NAME))) {
      throw new IllegalArgumentException(
          folder + " holds no " + ModelMetadata.FILE_NAME + " (not a trained model folder)");
    }
    ModelMetadata metadata = ModelMetadata.read(folder);
    Map<String, CalibrationTable> tables = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String other = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        if (other.isEmpty() || other.equals(metadata.id())) {
          throw new IllegalArgumentException(
              f + ": a table against the model's own codes belongs in " + OWN_TABLE);
        }
        tables.put(other, readTable(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the calibration tables of " + folder, e);
    }
    Path own = folder.resolve(OWN_TABLE);
    if (Files.exists(own)) {
      tables.put(metadata.id(), readTable(own));
    }
    return new ModelFolder(folder, metadata, tables);
  }

  private static CalibrationTable readTable(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return CalibrationTable.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read calibration table " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  public String id() {
    return metadata.id();
  }

  /** The table of this model's codes against {@code otherModelId}'s (its own id: its own table). */
  public Optional<CalibrationTable> tableAgainst(String otherModelId) {
    return Optional.ofNullable(tables.get(otherModelId));
  }
}
