package io.facetrail.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.runtime.config.Secret;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** Each cause the admin client reports gets its own message (KafkaSaslSslIT: the real ones). */
class KafkaFailuresTest {
  private static final KafkaSettings SASL =
      new KafkaSettings(
          "kafka:9093",
          "facetrail.",
          1,
          1,
          Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"),
          Map.of("sasl.jaas.config", Secret.of("... password=\"hunter2\";")));

  private static String message(Throwable cause) {
    return KafkaFailures.unavailable(SASL, "list and create topics", new ExecutionException(cause))
        .getMessage();
  }

  @Test
  void refusedCredentialsNameTheSecretSettingNotItsValue() {
    assertThat(message(new SaslAuthenticationException("invalid credentials")))
        .isEqualTo(
            "Kafka at kafka:9093 refused the SASL credentials (kafka.secrets.sasl.jaas.config,"
                + " mechanism SCRAM-SHA-512) when asked to list and create topics: invalid"
                + " credentials")
        .doesNotContain("hunter2");
  }

  @Test
  void aTlsFailureNamesTheTrustStoreAndTheHandshakesReason() {
    SslAuthenticationException tls =
        new SslAuthenticationException(
            "SSL handshake failed", new SSLHandshakeException("PKIX path building failed"));
    assertThat(message(tls))
        .startsWith("TLS to Kafka at kafka:9093 failed when asked to list and create topics")
        .contains("kafka.properties.ssl.truststore.location")
        .endsWith(": PKIX path building failed");
  }

  @Test
  void aMissingAclIsADenialNotAnOutage() {
    assertThat(message(new TopicAuthorizationException("Authorization failed.")))
        .startsWith("Kafka at kafka:9093 denied this client's principal the right to list")
        .endsWith("Authorization failed.");
  }

  @Test
  void anythingElseIsReportedAsUnreachable() {
    assertThat(
            KafkaFailures.unavailable(SASL, "create topics", new TimeoutException()).getMessage())
        .isEqualTo(
            "cannot reach Kafka at kafka:9093 to create topics (is the broker running and"
                + " kafka.bootstrapServers right?)");
  }
}
