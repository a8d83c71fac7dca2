package io.facetrail.app.run;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.util.function.Consumer;

/** Reads the identity topic of the run and hands every event to a listener, in order per track. */
public final class IdentityFeed extends TopicFeed<IdentityEvent> {
  static final String GROUP = "facetrail-run-identity";

  IdentityFeed(
      KafkaSettings kafka, Topic<String, IdentityEvent> topic, Consumer<IdentityEvent> listener) {
    super(kafka, topic, GROUP, listener);
  }

  IdentityFeed start() {
    begin();
    return this;
  }
}
