package io.facetrail.matcher.stream;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.deadletter.StreamsDeadLetters;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The matcher topology on a test driver, with its tracks input and identity output. */
final class MatcherTestDriver {
  final TopologyTestDriver driver;
  final TestInputTopic<String, TrackEvent> tracks;
  final TestOutputTopic<String, IdentityEvent> identity;

  MatcherTestDriver(
      TopicRegistry topics, MatcherDependencies deps, String applicationId, Instant start) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.putAll(
        StreamsDeadLetters.properties(
            Stage.MATCHER, topics.deadLetters(Stage.MATCHER).name(), null));
    driver = new TopologyTestDriver(MatcherTopology.build(topics, deps), props, start);
    tracks =
        driver.createInputTopic(
            topics.tracks().name(),
            Serdes.String().serializer(),
            topics.tracks().valueSerde().serializer());
    identity =
        driver.createOutputTopic(
            topics.identity().name(),
            Serdes.String().deserializer(),
            topics.identity().valueSerde().deserializer());
  }
}
