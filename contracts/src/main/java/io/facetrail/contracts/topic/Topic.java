package io.facetrail.contracts.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic name bundled with its key and value serdes, so no call site repeats them. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }
}
