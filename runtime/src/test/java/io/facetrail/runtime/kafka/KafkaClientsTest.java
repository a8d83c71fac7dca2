package io.facetrail.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {
  private final KafkaSettings settings = KafkaSettings.local("127.0.0.1:9092", "t.");

  @Test
  void producersAreIdempotentWithOneRequestInFlight() {
    Map<String, Object> p = KafkaClients.producer(settings, "p");
    assertThat(p)
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    assertThat(KafkaClients.transactionalProducer(settings, "p", "tx"))
        .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx")
        .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
  }
}
