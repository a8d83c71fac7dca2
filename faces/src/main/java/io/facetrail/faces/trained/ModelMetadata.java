package io.facetrail.faces.trained;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The identity of a trained embedding model, as its {@code model.json} declares it: which model ids
 * its embeddings may be compared with (a matcher must never compare codes of models that are not),
 * the model it was derived from, the chip size it takes and its parameter file. Other fields of
 * {@code model.json} (configuration, results) are kept by the writer and ignored by the reader.
 *
 * @param id the model id codes are tagged with
 * @param baseModel the model whose architecture and untrained weights it uses
 * @param inputSize side of the square aligned chip the network takes, in pixels
 * @param chip how that chip is made from the 150x150 aligned chip: {@code crop} (the central
 *     square, offsets rounded to multiples of 8) or {@code scale} (area-averaged downscale); {@code
 *     none} at 150
 * @param trainedUnits residual units at the end of the base network whose weights are in {@code
 *     parameters} (the earlier layers are the base model's)
 * @param parameters the parameter file, relative to the folder of {@code model.json}
 * @param compatibleWith other model ids whose embeddings are comparable with this one's
 * @param droppedUnits indices of base-network units among the trained ones that the model leaves
 *     out (a smaller, faster network); empty when it keeps them all
 */
public record ModelMetadata(
    String id,
    String baseModel,
    int inputSize,
    String chip,
    int trainedUnits,
    String parameters,
    List<String> compatibleWith,
    List<Integer> droppedUnits) {
  /** The metadata file of a model folder. */
  public static final String FILE_NAME = "model.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public ModelMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(baseModel, "baseModel");
    Objects.requireNonNull(chip, "chip");
    Objects.requireNonNull(parameters, "parameters");
    compatibleWith = List.copyOf(compatibleWith);
    droppedUnits = List.copyOf(droppedUnits);
    if (id.isBlank() || inputSize < 1 || trainedUnits < 0) {
      throw new IllegalArgumentException("invalid model metadata for '" + id + "'");
    }
  }

  /** Whether codes of {@code otherId} may be compared with this model's: same id or declared. */
  public boolean isComparableWith(String otherId) {
    return id.equals(otherId) || compatibleWith.contains(otherId);
  }

  /** The metadata as a JSON object, to which a writer may add its own fields. */
  public ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", id);
    node.put("baseModel", baseModel);
    node.put("inputSize", inputSize);
    node.put("chip", chip);
    node.put("trainedUnits", trainedUnits);
    node.put("parameters", parameters);
    ArrayNode list = node.putArray("compatibleWith");
    compatibleWith.forEach(list::add);
    if (!droppedUnits.isEmpty()) {
      ArrayNode dropped = node.putArray("droppedUnits");
      droppedUnits.forEach(dropped::add);
    }
    return node;
  }

  /** Reads the fields of this record from a JSON object; other fields are ignored. */
  public static ModelMetadata fromJson(JsonNode node) {
    List<String> compatible = new ArrayList<>();
    JsonNode list = node.path("compatibleWith");
    if (!list.isMissingNode() && !list.isArray()) {
      throw new IllegalArgumentException("compatibleWith must be an array of model ids");
    }
    list.forEach(e -> compatible.add(e.asString()));
    List<Integer> dropped = new ArrayList<>();
    JsonNode droppedList = node.path("droppedUnits");
    if (!droppedList.isMissingNode() && !droppedList.isArray()) {
      throw new IllegalArgumentException("droppedUnits must be an array of unit indices");
    }
    droppedList.forEach(e -> dropped.add(e.asInt()));
    return new ModelMetadata(
        required(node, "id").asString(),
        required(node, "baseModel").asString(),
        required(node, "inputSize").asInt(),
        required(node, "chip").asString(),
        required(node, "trainedUnits").asInt(),
        required(node, "parameters").asString(),
        compatible,
        dropped);
  }

  /** Reads {@code model.json} (the file, or the folder holding it). */
  public static ModelMetadata read(Path fileOrFolder) {
    Path file = Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve(FILE_NAME) : fileOrFolder;
    try {
      return fromJson(JSON.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model metadata " + file, e);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid model metadata " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("model metadata lacks '" + field + "'");
    }
    return v;
  }
}
