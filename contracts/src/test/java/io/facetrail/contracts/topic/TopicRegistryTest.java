package io.facetrail.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.serde.RecordSamples;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicRegistryTest {
  @Test
  void namesCarryPrefixAndVersion() {
    TopicRegistry topics = new TopicRegistry("site-a.");
    assertThat(topics.frames().name()).isEqualTo("site-a.frames.v1");
    assertThat(topics.faces().name()).isEqualTo("site-a.faces.v1");
    assertThat(topics.tracks().name()).isEqualTo("site-a.tracks.v1");
    assertThat(topics.identity().name()).isEqualTo("site-a.identity.v1");
    assertThat(topics.deadLetters(Stage.EMBEDDER).name()).isEqualTo("site-a.dlq.embedder.v1");
  }

  @Test
  void allTopicsAreDistinct() {
    List<Topic<?, ?>> all = TopicRegistry.withDefaultPrefix().all();
    assertThat(all).hasSize(4 + Stage.values().length);
    assertThat(new HashSet<>(all.stream().map(Topic::name).toList())).hasSize(all.size());
  }

  @Test
  void topicsBundleWorkingSerdes() {
    TopicRegistry topics = TopicRegistry.withDefaultPrefix();
    var frames = topics.frames();
    byte[] bytes = frames.valueSerde().serializer().serialize(frames.name(), RecordSamples.frame());
    assertThat(frames.valueSerde().deserializer().deserialize(frames.name(), bytes))
        .isEqualTo(RecordSamples.frame());
    assertThat(
            frames
                .keySerde()
                .deserializer()
                .deserialize("t", frames.keySerde().serializer().serialize("t", "cam")))
        .isEqualTo("cam");
  }

  @Test
  void rejectsIllegalPrefixes() {
    assertThatThrownBy(() -> new TopicRegistry("bad prefix/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TopicRegistry(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new TopicRegistry("").frames().name()).isEqualTo("frames.v1");
  }
}
