package io.facetrail.runtime.testing;

import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The in-process broker with a {@code SASL_SSL} listener for clients: TLS with a certificate from
 * {@link TestCertificates}, SCRAM-SHA-512 users, and ACLs enforced ({@code StandardAuthorizer},
 * nothing allowed without an ACL). Its {@code PLAINTEXT} listener stays for the broker itself and
 * for the test's set-up (users, ACLs), as an operator's admin listener would.
 */
public final class SaslSslKafka implements AutoCloseable {
  /** The SASL mechanism of the listener. */
  public static final String MECHANISM = "SCRAM-SHA-512";

  private final EmbeddedKafkaBroker broker;
  private final String plaintext;
  private final String saslSsl;

  private SaslSslKafka(EmbeddedKafkaBroker broker, String plaintext, String saslSsl) {
    this.broker = broker;
    this.plaintext = plaintext;
    this.saslSsl = saslSsl;
  }

  /** Starts the broker with the server certificate of {@code certificates}. */
  public static SaslSslKafka start(TestCertificates certificates) {
    int plainPort = freePort();
    int saslPort = freePort();
    int controllerPort = freePort();
    String host = "127.0.0.1";
    String plain = host + ":" + plainPort;
    String sasl = host + ":" + saslPort;
    Map<String, String> p = new HashMap<>();
    p.put(
        "listeners",
        "PLAINTEXT://"
            + plain
            + ",SASL_SSL://"
            + sasl
            + ",CONTROLLER://"
            + host
            + ":"
            + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + plain + ",SASL_SSL://" + sasl);
    p.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
    p.put("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", MECHANISM);
    p.put(
        "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    p.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
    p.put("listener.name.sasl_ssl.ssl.keystore.location", certificates.serverP12().toString());
    p.put("listener.name.sasl_ssl.ssl.keystore.password", TestCertificates.STORE_PASSWORD);
    p.put("listener.name.sasl_ssl.ssl.key.password", TestCertificates.STORE_PASSWORD);
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    // The broker and controller talk over PLAINTEXT as ANONYMOUS; so does the test's set-up.
    p.put("super.users", "User:ANONYMOUS");
    p.put("allow.everyone.if.no.acl.found", "false");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, plainPort, p);
    return new SaslSslKafka(broker, plain, sasl);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  /** The SASL_SSL listener, {@code host:port}. */
  public String saslSslBootstrap() {
    return saslSsl;
  }

  /** Creates (or replaces) a SCRAM user; returns a new random password. */
  public String addUser(String name) {
    String password = name + "-" + UUID.randomUUID();
    try (Admin admin = admin()) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      name, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("cannot create the SCRAM user " + name, e);
    }
    return password;
  }

  /**
   * Allows {@code user} what a FaceTrail service needs, on everything whose name starts with {@code
   * prefix}: its topics ({@code kafka.topicPrefix}, e.g. {@code facetrail.}), and its consumer
   * groups, Kafka Streams application ids, transactional ids and Streams internal topics (all named
   * after the group or application id, e.g. {@code facetrail-matcher}). These are the ACLs
   * docs/DEPLOYMENT.md lists.
   */
  public void allowFaceTrail(String user, String prefix) {
    String principal = "User:" + user;
    List<AclBinding> acls = new ArrayList<>();
    for (AclOperation op :
        List.of(
            AclOperation.CREATE,
            AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS,
            AclOperation.ALTER_CONFIGS,
            AclOperation.READ,
            AclOperation.WRITE)) {
      acls.add(allow(ResourceType.TOPIC, prefix, principal, op));
    }
    acls.add(allow(ResourceType.GROUP, prefix, principal, AclOperation.READ));
    acls.add(allow(ResourceType.GROUP, prefix, principal, AclOperation.DESCRIBE));
    acls.add(allow(ResourceType.TRANSACTIONAL_ID, prefix, principal, AclOperation.WRITE));
    acls.add(allow(ResourceType.TRANSACTIONAL_ID, prefix, principal, AclOperation.DESCRIBE));
    try (Admin admin = admin()) {
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("cannot create the ACLs of " + user, e);
    }
  }

  private static AclBinding allow(
      ResourceType type, String prefix, String principal, AclOperation op) {
    return new AclBinding(
        new ResourcePattern(type, prefix, PatternType.PREFIXED),
        new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintext));
  }

  /**
   * The client properties of a FaceTrail service for {@code user} (what {@code kafka.properties}
   * and {@code kafka.secrets} hold), trusting {@code caPem}.
   */
  public static Map<String, String> clientProperties(Path caPem) {
    return Map.of(
        "security.protocol",
        "SASL_SSL",
        "sasl.mechanism",
        MECHANISM,
        "ssl.truststore.type",
        "PEM",
        "ssl.truststore.location",
        caPem.toString());
  }

  /** The JAAS line of {@code user} (a secret: {@code kafka.secrets.sasl.jaas.config}). */
  public static String jaasConfig(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  @Override
  public void close() {
    broker.close();
  }
}
