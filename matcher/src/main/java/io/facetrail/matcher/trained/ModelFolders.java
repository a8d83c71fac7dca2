package io.facetrail.matcher.trained;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.trained.ModelMetadata;
import io.facetrail.matcher.index.ModelCompatibility;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trained model folders a matcher is configured with, by model id. Without any, the matcher
 * compares equal model ids only and takes thresholds from the tables shipped on the class path.
 */
public final class ModelFolders {
  private final Map<String, ModelFolder> byId;

  private ModelFolders(Map<String, ModelFolder> byId) {
    this.byId = byId;
  }

  /** No trained models configured. */
  public static ModelFolders none() {
    return new ModelFolders(Map.of());
  }

  /**
   * A folder that cannot be used.
   *
   * @param index the folder's position in the configured list
   * @param message what is wrong, naming the folder
   */
  public record Problem(int index, String message) {
    @Override
    public String toString() {
      return "[" + index + "] " + message;
    }
  }

  /**
   * Reads every folder.
   *
   * @throws IllegalArgumentException listing every folder that cannot be read and every model id
   *     held by two folders
   */
  public static ModelFolders load(Collection<Path> folders) {
    List<Problem> problems = new ArrayList<>();
    Map<String, ModelFolder> byId = read(folders, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid trained model folders: "
              + String.join("; ", problems.stream().map(Problem::toString).toList()));
    }
    return new ModelFolders(byId);
  }

  /**
   * Reads every folder it can, by model id, and adds one entry to {@code problems} for each that it
   * cannot use, so that configuration validation reports all of them at once.
   */
  public static Map<String, ModelFolder> read(Collection<Path> folders, List<Problem> problems) {
    Map<String, ModelFolder> byId = new LinkedHashMap<>();
    int i = 0;
    for (Path folder : folders) {
      int at = i++;
      if (folder == null) {
        problems.add(new Problem(at, "is empty"));
        continue;
      }
      try {
        ModelFolder f = ModelFolder.read(folder);
        ModelFolder before = byId.putIfAbsent(f.id(), f);
        if (before != null) {
          problems.add(
              new Problem(at, folder + " holds model " + f.id() + ", as does " + before.folder()));
        }
      } catch (IllegalArgumentException | UncheckedIOException e) {
        problems.add(new Problem(at, e.getMessage()));
      }
    }
    return byId;
  }

  public Collection<ModelMetadata> metadata() {
    return byId.values().stream().map(ModelFolder::metadata).toList();
  }

  /** Equal ids and the pairs a configured model declares ({@link ModelCompatibility#declared}). */
  public ModelCompatibility compatibility() {
    return byId.isEmpty()
        ? ModelCompatibility.sameModelOnly()
        : ModelCompatibility.declared(metadata());
  }

  /**
   * The table in {@code codesOf}'s folder for its codes against {@code comparedWith}'s ({@code
   * calibration.json} when both are the same model); empty when that model is not configured or the
   * folder has no such table.
   */
  public Optional<CalibrationTable> table(String codesOf, String comparedWith) {
    ModelFolder f = byId.get(codesOf);
    return f == null ? Optional.empty() : f.tableAgainst(comparedWith);
  }

  /**
   * Every pair of distinct models a configured model declares compatible, each once (its declaring
   * model first): the pairs that need a cross table.
   */
  public List<List<String>> declaredPairs() {
    List<List<String>> pairs = new ArrayList<>();
    for (ModelFolder f : byId.values()) {
      for (String other : f.metadata().compatibleWith()) {
        boolean seen =
            pairs.stream().anyMatch(p -> p.get(0).equals(other) && p.get(1).equals(f.id()));
        if (!other.equals(f.id()) && !seen) {
          pairs.add(List.of(f.id(), other));
        }
      }
    }
    return pairs;
  }

  /** The configured model ids. */
  public Collection<String> ids() {
    return List.copyOf(byId.keySet());
  }
}
