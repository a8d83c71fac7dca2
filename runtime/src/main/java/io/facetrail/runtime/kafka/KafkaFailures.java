package io.facetrail.runtime.kafka;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * What a failed administrative request means for the operator. The admin client reports refused
 * credentials, an untrusted broker certificate and a missing ACL as causes of the same {@link
 * ExecutionException}; a message that only said "cannot reach Kafka" would send the operator to the
 * network. Kafka's own messages name no secret, and none is added.
 */
final class KafkaFailures {
  private KafkaFailures() {}

  /**
   * The exception to throw.
   *
   * @param doing what was being done, e.g. {@code "create topics"}
   */
  static KafkaUnavailableException unavailable(KafkaSettings s, String doing, Throwable e) {
    String at = "Kafka at " + s.bootstrapServers();
    SaslAuthenticationException sasl = find(e, SaslAuthenticationException.class);
    if (sasl != null) {
      return new KafkaUnavailableException(
          at
              + " refused the SASL credentials (kafka.secrets.sasl.jaas.config, mechanism "
              + s.properties().getOrDefault("sasl.mechanism", "GSSAPI")
              + ") when asked to "
              + doing
              + ": "
              + sasl.getMessage(),
          e);
    }
    SslAuthenticationException tls = find(e, SslAuthenticationException.class);
    if (tls != null) {
      return new KafkaUnavailableException(
          "TLS to "
              + at
              + " failed when asked to "
              + doing
              + " (is the broker's certificate signed by a CA in kafka.properties"
              + ".ssl.truststore.location, and does it name the host?): "
              + rootMessage(tls),
          e);
    }
    AuthorizationException denied = find(e, AuthorizationException.class);
    if (denied != null) {
      return new KafkaUnavailableException(
          at
              + " denied this client's principal the right to "
              + doing
              + " (its ACLs: docs/DEPLOYMENT.md, \"Encrypted and authenticated connections\"): "
              + denied.getMessage(),
          e);
    }
    return new KafkaUnavailableException(
        "cannot reach "
            + at
            + " to "
            + doing
            + " (is the broker running and kafka.bootstrapServers right?)",
        e);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
