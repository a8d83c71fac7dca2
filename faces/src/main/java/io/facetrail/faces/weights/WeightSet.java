package io.facetrail.faces.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The named tensors of one model, in manifest order. */
public final class WeightSet {
  private final String source;
  private final Map<String, WeightTensor> tensors;

  public WeightSet(String source, Map<String, WeightTensor> tensors) {
    this.source = source;
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
  }

  /** The tensor called {@code name}; a missing one is a format error naming the file. */
  public WeightTensor get(String name) {
    WeightTensor t = tensors.get(name);
    if (t == null) {
      throw new WeightFormatException(source + " has no tensor named " + name);
    }
    return t;
  }

  public Set<String> names() {
    return tensors.keySet();
  }

  public String source() {
    return source;
  }
}
