package io.facetrail.faces.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a TensorFlow.js weights manifest and its shards. Shards of one group are concatenated and
 * read little-endian in manifest order; every byte must be accounted for, so a truncated or
 * mismatched file fails here rather than in the network.
 */
public final class TfjsWeightLoader {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private TfjsWeightLoader() {}

  /** Manifest entry of one tensor. */
  record Entry(String name, List<Integer> shape, String dtype, Quantization quantization) {}

  /** Quantisation of an entry: value = q * scale + min (float16 has neither). */
  record Quantization(String dtype, Double scale, Double min) {}

  /** One group of shards. */
  record Group(List<String> paths, List<Entry> weights) {}

  /**
   * Loads every tensor of the manifest; shards are resolved next to it.
   *
   * @throws WeightFormatException on a malformed manifest or shard
   */
  public static WeightSet load(Path manifest) {
    List<Group> groups;
    try {
      groups = List.of(MAPPER.readValue(manifest.toFile(), Group[].class));
    } catch (JacksonException e) {
      throw new WeightFormatException(
          "malformed weights manifest " + manifest + ": " + e.getOriginalMessage(), e);
    }
    return decodeGroups(manifest, groups);
  }

  /**
   * Loads every tensor of a TensorFlow.js graph model: the manifest is the {@code weightsManifest}
   * field of its {@code model.json}; shards are resolved next to that file.
   *
   * @throws WeightFormatException on a malformed model file or shard
   */
  public static WeightSet loadGraphModel(Path modelJson) {
    List<Group> groups;
    try {
      var manifest = MAPPER.readTree(modelJson.toFile()).get("weightsManifest");
      if (manifest == null) {
        throw new WeightFormatException(modelJson + " has no weightsManifest: not a graph model");
      }
      groups = List.of(MAPPER.treeToValue(manifest, Group[].class));
    } catch (JacksonException e) {
      throw new WeightFormatException(
          "malformed graph model " + modelJson + ": " + e.getOriginalMessage(), e);
    }
    return decodeGroups(modelJson, groups);
  }

  private static WeightSet decodeGroups(Path manifest, List<Group> groups) {
    Map<String, WeightTensor> tensors = new LinkedHashMap<>();
    for (Group g : groups) {
      ByteBuffer data = readShards(manifest, g.paths());
      for (Entry e : g.weights()) {
        tensors.put(e.name(), decode(manifest, e, data));
      }
      if (data.hasRemaining()) {
        throw new WeightFormatException(
            manifest
                + ": shards "
                + g.paths()
                + " hold "
                + data.remaining()
                + " bytes more than the manifest declares");
      }
    }
    return new WeightSet(manifest.getFileName().toString(), tensors);
  }

  private static ByteBuffer readShards(Path manifest, List<String> paths) {
    try {
      int total = 0;
      byte[][] parts = new byte[paths.size()][];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = Files.readAllBytes(manifest.resolveSibling(paths.get(i)));
        total += parts[i].length;
      }
      ByteBuffer all = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
      for (byte[] p : parts) {
        all.put(p);
      }
      return all.flip();
    } catch (IOException e) {
      throw new WeightFormatException(
          "cannot read weight shards " + paths + " of " + manifest + ": " + e.getMessage(), e);
    }
  }

  private static WeightTensor decode(Path manifest, Entry e, ByteBuffer data) {
    int[] shape = e.shape().stream().mapToInt(Integer::intValue).toArray();
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    Quantization q = e.quantization();
    String stored = q != null ? q.dtype() : e.dtype();
    int width = bytesPer(manifest, e, stored);
    if (data.remaining() < (long) n * width) {
      throw new WeightFormatException(
          manifest
              + ": shard truncated at tensor "
              + e.name()
              + " (needs "
              + (long) n * width
              + " bytes, "
              + data.remaining()
              + " left)");
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] =
          switch (stored) {
            case "uint8" -> dequantise(data.get() & 0xff, q);
            case "uint16" -> dequantise(data.getShort() & 0xffff, q);
            case "float16" -> HalfFloat.toFloat(data.getShort());
            case "float32" -> data.getFloat();
            case "int32" -> data.getInt();
            default -> throw new IllegalStateException("unreachable: " + stored);
          };
    }
    return new WeightTensor(e.name(), shape, v);
  }

  private static float dequantise(int q, Quantization quant) {
    return (float) (q * quant.scale() + quant.min());
  }

  private static int bytesPer(Path manifest, Entry e, String stored) {
    if (e.quantization() != null
        && !"float16".equals(stored)
        && (e.quantization().scale() == null || e.quantization().min() == null)) {
      throw new WeightFormatException(
          manifest + ": tensor " + e.name() + " is quantised without scale and min");
    }
    return switch (stored == null ? "" : stored) {
      case "uint8" -> 1;
      case "uint16", "float16" -> 2;
      case "float32", "int32" -> 4;
      default ->
          throw new WeightFormatException(
              manifest + ": tensor " + e.name() + " has unsupported data type " + stored);
    };
  }
}
