package io.facetrail.trainer.run;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.facetrail.trainer.triplet.StepRecord;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The folder of one run: {@code checkpoint.params} + {@code checkpoint.json} (step and loss
 * history, written after the parameters, each by an atomic rename, so a crash leaves the previous
 * checkpoint whole), {@code loss.png}, and at the end {@code model.params} + {@code model.json}.
 */
public final class RunFolder {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path dir;

  public RunFolder(Path dir) {
    this.dir = dir;
  }

  /**
   * The default folder of trained models: {@code $XDG_DATA_HOME/facetrail/models}, else {@code
   * ~/.local/share/facetrail/models}.
   */
  public static Path defaultRoot() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("facetrail").resolve("models");
  }

  public Path dir() {
    return dir;
  }

  public boolean hasCheckpoint() {
    return Files.isRegularFile(dir.resolve("checkpoint.json"));
  }

  /** A checkpoint read back: the last completed step and the history up to it. */
  public record Checkpoint(int step, List<StepRecord> history) {}

  /** Writes the block's parameters and the history. */
  public void saveCheckpoint(Block block, int step, List<StepRecord> history) {
    ObjectNode json = JSON.createObjectNode();
    json.put("step", step);
    ArrayNode h = json.putArray("history");
    for (StepRecord r : history) {
      ArrayNode row = h.addArray();
      row.add(r.step()).add(r.loss()).add(r.triplets()).add(r.activeFraction());
      row.add(r.semiHardFraction());
    }
    writeParams(block, dir.resolve("checkpoint.params"));
    writeAtomically(dir.resolve("checkpoint.json"), JSON.writeValueAsString(json));
  }

  /** Loads the checkpoint's parameters into {@code block} and returns its step and history. */
  public Checkpoint loadCheckpoint(Block block, NDManager manager) {
    Path params = dir.resolve("checkpoint.params");
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
      block.loadParameters(manager, in);
    } catch (IOException | MalformedModelException e) {
      throw new IllegalStateException(
          "cannot read checkpoint " + params + ": " + e.getMessage(), e);
    }
    JsonNode json = JSON.readTree(read(dir.resolve("checkpoint.json")));
    List<StepRecord> history = new ArrayList<>();
    for (JsonNode row : json.get("history")) {
      history.add(
          new StepRecord(
              row.get(0).asInt(),
              row.get(1).asDouble(),
              row.get(2).asInt(),
              row.get(3).asDouble(),
              row.get(4).asDouble()));
    }
    return new Checkpoint(json.get("step").asInt(), history);
  }

  /** Writes the final model: parameters and metadata. */
  public void saveModel(Block block, ObjectNode metadata) {
    writeParams(block, dir.resolve("model.params"));
    writeAtomically(
        dir.resolve("model.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metadata));
  }

  private static void writeParams(Block block, Path file) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        block.saveParameters(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void writeAtomically(Path file, String text) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
