package io.facetrail.matcher.testing;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.trained.ModelMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes trained model folders as the trainer and the calibration tool would. */
public final class ModelFolderWriter {
  private ModelFolderWriter() {}

  /** A folder {@code parent/id} holding {@code model.json}; returns it. */
  public static Path model(Path parent, String id, String... compatibleWith) {
    Path folder = parent.resolve(id);
    ModelMetadata m =
        new ModelMetadata(
            id, "dlib-r29-v1", 104, "crop", 2, "params.bin", List.of(compatibleWith), List.of());
    write(folder.resolve(ModelMetadata.FILE_NAME), m.toJson().toString());
    return folder;
  }

  /**
   * A table whose thresholds at FAR 1e-4, 1e-3 and 1e-2 are {@code atMilli} × 0.9, × 1 and × 1.1.
   */
  public static CalibrationTable table(String modelId, double atMilli) {
    return new CalibrationTable(
        modelId,
        "hand-made for a test",
        List.of(
            new CalibrationTable.Point(1e-4, atMilli * 0.9, 1e-4, 0.8),
            new CalibrationTable.Point(1e-3, atMilli, 1e-3, 0.9),
            new CalibrationTable.Point(1e-2, atMilli * 1.1, 1e-2, 0.95)));
  }

  /** Writes {@code table} as {@code folder/fileName}. */
  public static void writeTable(Path folder, String fileName, CalibrationTable table) {
    write(folder.resolve(fileName), table.toJson());
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
