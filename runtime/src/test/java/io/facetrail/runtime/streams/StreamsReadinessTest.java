package io.facetrail.runtime.streams;

import static org.apache.kafka.streams.KafkaStreams.State.CREATED;
import static org.apache.kafka.streams.KafkaStreams.State.ERROR;
import static org.apache.kafka.streams.KafkaStreams.State.NOT_RUNNING;
import static org.apache.kafka.streams.KafkaStreams.State.PENDING_SHUTDOWN;
import static org.apache.kafka.streams.KafkaStreams.State.REBALANCING;
import static org.apache.kafka.streams.KafkaStreams.State.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamsReadinessTest {
  @Test
  void theFirstRebalanceIsNotReadyLaterOnesAre() {
    StreamsReadiness r = new StreamsReadiness("test");
    assertThat(r.isReady()).isFalse();
    r.onChange(REBALANCING, CREATED);
    assertThat(r.isReady()).as("restoring before the first run").isFalse();
    r.onChange(RUNNING, REBALANCING);
    assertThat(r.isReady()).isTrue();
    r.onChange(REBALANCING, RUNNING);
    assertThat(r.isReady()).as("a rebalance after having run").isTrue();
    r.onChange(RUNNING, REBALANCING);
    assertThat(r.isReady()).isTrue();
    assertThat(r.hasStopped()).isFalse();
  }

  @Test
  void shuttingDownIsNotReadyAndStoppingIsSeen() {
    StreamsReadiness r = new StreamsReadiness("test");
    r.onChange(REBALANCING, CREATED);
    r.onChange(RUNNING, REBALANCING);
    r.onChange(PENDING_SHUTDOWN, RUNNING);
    assertThat(r.isReady()).isFalse();
    assertThat(r.hasStopped()).isFalse();
    r.onChange(NOT_RUNNING, PENDING_SHUTDOWN);
    assertThat(r.isReady()).isFalse();
    assertThat(r.hasStopped()).isTrue();
    assertThat(r.state()).isEqualTo(NOT_RUNNING);
  }

  @Test
  void anErrorStopsTheClientWithoutItEverHavingRun() {
    StreamsReadiness r = new StreamsReadiness("test");
    r.onChange(REBALANCING, CREATED);
    r.onChange(ERROR, REBALANCING);
    assertThat(r.hasRun()).isFalse();
    assertThat(r.isReady()).isFalse();
    assertThat(r.hasStopped()).isTrue();
  }
}
