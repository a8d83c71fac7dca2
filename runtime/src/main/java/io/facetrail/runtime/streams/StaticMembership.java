package io.facetrail.runtime.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Lets a restarted Streams application take its tasks back at once instead of after the old
 * member's session expires (45 s by Kafka's default; 40-47 s were measured from a SIGKILL of the
 * matcher to its processing again).
 *
 * <p>Two settings do it. <b>Static membership</b>: the main consumer joins with a {@code
 * group.instance.id} that is the same across restarts, so the group coordinator hands the restarted
 * process the killed one's assignment without a rebalance. The id is kept in the state directory:
 * Kafka Streams locks that directory, so two live processes can never share an id (a shared id
 * would make the coordinator fence one of them), while a process restarted on the same state, the
 * only one that can resume its tasks cheaply, gets the same id. <b>A shorter session</b> (10 s)
 * bounds how long the group waits for an instance that does not come back (scaled down, moved to
 * another host with a new state directory).
 *
 * <p>Both are defaults: a {@code session.timeout.ms} or {@code group.instance.id} in the user's
 * Kafka properties (plain or with Streams' {@code main.consumer.}/{@code consumer.} prefix) wins.
 */
public final class StaticMembership {
  /** The session timeout of Streams consumers unless the configuration names one. */
  public static final int SESSION_TIMEOUT_MS = 10_000;

  /** Heartbeats at a third of the session, as Kafka recommends. */
  public static final int HEARTBEAT_INTERVAL_MS = 3_000;

  static final String ID_FILE = "facetrail-instance-id";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  private StaticMembership() {}

  /**
   * Adds the static-membership defaults to Streams {@code props} for an application whose state
   * lives in {@code stateDir}, creating the instance id there on first use.
   */
  public static void apply(Map<String, Object> props, String applicationId, Path stateDir) {
    if (!configured(props, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
      props.put(
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          applicationId + "-" + instanceId(stateDir));
    }
    if (!configured(props, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)) {
      props.put(
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
          SESSION_TIMEOUT_MS);
      if (!configured(props, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)) {
        props.put(
            StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
            HEARTBEAT_INTERVAL_MS);
      }
    }
  }

  /** Whether {@code key} is set plainly or for the consumers that join the group. */
  private static boolean configured(Map<String, Object> props, String key) {
    return props.containsKey(key)
        || props.containsKey(StreamsConfig.consumerPrefix(key))
        || props.containsKey(StreamsConfig.mainConsumerPrefix(key));
  }

  /**
   * This state directory's instance id: read from {@value #ID_FILE}, or created there. A file that
   * does not hold a plain id (edited by hand, truncated by a crash) is replaced: a new id only
   * costs one ordinary rebalance.
   */
  static String instanceId(Path stateDir) {
    Path file = stateDir.resolve(ID_FILE);
    try {
      if (Files.isRegularFile(file) && Files.size(file) < 256) {
        String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (SAFE.matcher(id).matches()) {
          return id;
        }
      }
      Files.createDirectories(stateDir);
      String id = UUID.randomUUID().toString().substring(0, 13);
      // Written aside and moved: a crash mid-write never leaves a half id behind.
      Path tmp = Files.createTempFile(stateDir, ID_FILE, ".tmp");
      Files.writeString(tmp, id + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the instance id in " + stateDir, e);
    }
  }
}
