package io.facetrail.runtime.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM,
 * built from the same classes as a standalone Kafka server. Used by the all-in-one mode and by
 * integration tests. Close it: the broker's threads keep the JVM alive otherwise.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  /** Frames of 4K video as JPEG fit comfortably; the default 1 MB does not. */
  public static final int MAX_MESSAGE_BYTES = 16 << 20;

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final boolean deleteOnClose;
  private final String bootstrapServers;
  private boolean closed;

  private EmbeddedKafkaBroker(
      KafkaRaftServer server, Path dataDir, boolean deleteOnClose, String bootstrapServers) {
    this.server = server;
    this.dataDir = dataDir;
    this.deleteOnClose = deleteOnClose;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker on ephemeral loopback ports with a temporary data directory. */
  public static EmbeddedKafkaBroker startEphemeral() {
    return start(null, 0, Map.of());
  }

  /**
   * Starts a broker.
   *
   * @param dataDir where the log and metadata live; null for a temporary directory deleted on
   *     close. An existing formatted directory is reused (its topics survive restarts).
   * @param port the client port on 127.0.0.1; 0 picks a free one
   * @param overrides extra broker properties
   */
  public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> overrides) {
    long started = System.nanoTime();
    boolean temporary = dataDir == null;
    Path dir;
    try {
      dir = temporary ? Files.createTempDirectory("facetrail-kafka-") : dataDir;
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Kafka data directory " + dataDir, e);
    }
    int clientPort = port == 0 ? freePort() : port;
    int controllerPort = freePort();
    String host = "127.0.0.1";
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://" + host + ":" + clientPort + ",CONTROLLER://" + host + ":" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + clientPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", dir.resolve("log").toString());
    // One node: every internal topic has one replica, or consumers loop on
    // INVALID_REPLICATION_FACTOR.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "4");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "4");
    props.put("auto.create.topics.enable", "false");
    props.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    props.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.putAll(overrides);
    try {
      Path propsFile = dir.resolve("server.properties");
      try (OutputStream out = Files.newOutputStream(propsFile)) {
        props.store(out, "FaceTrail in-process broker");
      }
      if (!Files.exists(dir.resolve("log").resolve("meta.properties"))) {
        format(propsFile);
      }
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      String bootstrap = host + ":" + clientPort;
      EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, dir, temporary, bootstrap);
      log.info(
          "In-process Kafka broker ready at {} in {} ms (data in {})",
          bootstrap,
          (System.nanoTime() - started) / 1_000_000,
          dir);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the Kafka broker in " + dir, e);
    }
  }

  private static void format(Path propsFile) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int rc;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      rc =
          StorageTool.execute(
              new String[] {
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                propsFile.toString(),
                "--standalone"
              },
              out);
    }
    if (rc != 0) {
      throw new IllegalStateException(
          "formatting the Kafka storage failed: " + captured.toString(StandardCharsets.UTF_8));
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  /** {@code host:port} for clients. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    log.info("In-process Kafka broker at {} stopped", bootstrapServers);
    if (deleteOnClose) {
      deleteRecursively(dataDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      long left = paths.sorted(Comparator.reverseOrder()).filter(p -> !p.toFile().delete()).count();
      if (left > 0) {
        log.warn("{} files of the temporary Kafka directory {} could not be deleted", left, dir);
      }
    } catch (IOException e) {
      log.warn("Could not delete the temporary Kafka directory {}: {}", dir, e.getMessage());
    }
  }
}
